package dev.genzoo.runtime.run;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.GenzooVersion;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.eval.LikelihoodEvaluation;
import dev.genzoo.runtime.files.AtomicFiles;
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
                            : ", the one trained with the model (" + checkpoint.getFileName() + ")");
            EvaluationReport report = LikelihoodEvaluation.run(
                    model, config.component(Role.OBJECTIVE), data.test(), settings, state.step(), listener);
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
            return new EvaluationOutcome(report, file, prior);
        });
    }
}
