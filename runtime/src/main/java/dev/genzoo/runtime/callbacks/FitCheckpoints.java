package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.FitStart;
import dev.genzoo.runtime.train.StatefulCallback;
import java.nio.file.Path;
import java.util.List;

/** Writes a fit's checkpoint at a position: the one way every checkpointing callback saves a fit. */
final class FitCheckpoints {
    private FitCheckpoints() {}

    /** The fit's parameters, optimizer and stateful callbacks at {@code position}, atomically. */
    static void write(Path file, Fit fit, ExperimentConfig config, FitStart position) {
        List<StatefulCallback> stateful = fit.callbacks().stream()
                .filter(StatefulCallback.class::isInstance)
                .map(StatefulCallback.class::cast)
                .toList();
        Checkpoint.write(file, fit.model(), fit.optimizer(), config, position, stateful);
    }
}
