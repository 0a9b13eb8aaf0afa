package dev.genzoo.runtime.run;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.GenzooVersion;
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
 * The test split's log-likelihood under a run's checkpoint (see {@link LikelihoodEvaluation}),
 * written as JSON with where it came from.
 */
final class Scoring {
    private final SavedRuns saved;

    @Inject
    Scoring(SavedRuns saved) {
        this.saved = saved;
    }

    EvaluationOutcome evaluate(Path runDir, EvaluationSettings settings, Path out, EvaluationListener listener) {
        RunDirectory run = RunDirectory.existing(runDir);
        return saved.use(run.checkpoint(), settings.seed(), (model, data, state, config) -> {
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
            provenance.put("epoch", state.epoch());
            provenance.put("step", state.step());
            provenance.put("genzoo", GenzooVersion.get());
            String json = report.toJson(provenance);
            Path file = out != null ? out : run.nextEvaluation();
            AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
            return new EvaluationOutcome(report, file);
        });
    }
}
