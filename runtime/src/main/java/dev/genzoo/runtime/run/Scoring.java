package dev.genzoo.runtime.run;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.GenzooVersion;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.BoundPerStep;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.eval.LikelihoodEvaluation;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.image.LineChart;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test split's log-likelihood under a run's model (see {@link LikelihoodEvaluation}): with its
 * learned prior ({@code prior.zip}) where {@code genzoo train-prior} fitted one, as {@code genzoo
 * sample} draws from it, else with the prior it was trained with; written as JSON with where it
 * came from and which prior it used.
 */
final class Scoring {
    private final SavedRuns saved;

    @Inject
    Scoring(SavedRuns saved) {
        this.saved = saved;
    }

    EvaluationOutcome evaluate(
            Path runDir, EvaluationSettings settings, Path out, EvaluationListener listener, boolean trainingPrior) {
        RunDirectory run = RunDirectory.existing(runDir);
        if (out != null) {
            AtomicFiles.checkFolder(out);
        }
        boolean learned = run.hasLearnedPrior() && !trainingPrior;
        Path checkpoint = learned ? run.priorCheckpoint() : run.checkpoint();
        return saved.use(checkpoint, settings.seed(), (model, data, state, config) -> {
            String prior = config.component(Role.PRIOR)
                    + (learned
                            ? ", learned by genzoo train-prior (" + checkpoint.getFileName() + ")"
                            : ", the one trained with the model (" + checkpoint.getFileName() + ")")
                    + (model.classes() > 0
                            ? "; each example conditioned on its label, so the estimates are of log p(x|y)"
                            : "");
            EvaluationReport report = LikelihoodEvaluation.run(
                    model,
                    config.component(Role.OBJECTIVE),
                    data.test(),
                    data.logCellVolume(),
                    settings,
                    state.step(),
                    listener);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("run", runDir.toString());
            provenance.put("checkpoint", checkpoint.getFileName().toString());
            provenance.put("prior", prior);
            provenance.put("epoch", state.epoch());
            provenance.put("step", state.step());
            provenance.put(
                    "weights",
                    config.get(Settings.EMA) > 0 ? "moving average (ema " + config.get(Settings.EMA) + ")" : "trained");
            provenance.put("genzoo", GenzooVersion.get());
            String json = report.toJson(provenance);
            Path file = out != null ? out : run.nextEvaluation();
            AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
            Path chart = report.stepwise().map(steps -> chart(file, steps)).orElse(null);
            return new EvaluationOutcome(report, file, prior, chart);
        });
    }

    /** L_t against t beside the report: eval.json's chart is eval-bound-per-step.png. */
    private static Path chart(Path report, BoundPerStep steps) {
        String name = report.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path file = report.resolveSibling(stem + "-bound-per-step.png");
        double[] t = new double[steps.nats().size()];
        double[] nats = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
            nats[i] = steps.nats().get(i);
        }
        LineChart.builder("where the bound's nats go: L_t per step, mean over " + steps.examples() + " examples")
                .xLabel("t (0: decoder L_0, T: prior L_T)")
                .yLabel("L_t (nats)")
                .series("L_t", t, nats)
                .build()
                .write(file);
        return file;
    }
}
