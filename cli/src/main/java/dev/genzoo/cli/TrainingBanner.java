package dev.genzoo.cli;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import java.io.PrintWriter;

/**
 * The lines on stderr that say what a training run is about to do: its components, epochs and
 * data (split sizes, shape, values and their preparation). Printed when the fit starts, so after
 * every check has passed and before the first step.
 */
final class TrainingBanner implements TrainingCallback {
    private final PrintWriter err;
    private final ExperimentConfig config;
    private final String resumed;
    private final String line;

    private TrainingBanner(PrintWriter err, ExperimentConfig config, String resumed, String line) {
        this.err = err;
        this.config = config;
        this.resumed = resumed;
        this.line = line;
    }

    /** The banner of a new run of a config. */
    static TrainingBanner training(PrintWriter err, ExperimentConfig config) {
        return new TrainingBanner(err, config, null, null);
    }

    /** The banner of a resumed run. */
    static TrainingBanner resuming(PrintWriter err, String run) {
        return new TrainingBanner(err, null, run, null);
    }

    /** A banner of one line of its own and the epochs (fitting a learned prior, say). */
    static TrainingBanner line(PrintWriter err, String what) {
        return new TrainingBanner(err, null, null, what);
    }

    @Override
    public int order() {
        return REPORT;
    }

    @Override
    public void onFitStart(Fit fit) {
        if (line != null) {
            err.printf("genzoo: %s, epochs %d to %d%n", line, fit.firstEpoch() + 1, fit.epochs());
            err.flush();
            return;
        }
        if (resumed != null && fit.firstEpoch() > 0) {
            err.printf("genzoo: resuming %s at epoch %d of %d%n", resumed, fit.firstEpoch() + 1, fit.epochs());
        } else if (resumed != null) {
            err.printf(
                    "genzoo: %s stopped before its first checkpoint, so it starts afresh from its config.yaml, for %s%n",
                    resumed, ConsoleText.count(fit.epochs(), "epoch"));
        } else {
            err.printf(
                    "genzoo: training encoder %s, prior %s, decoder %s with objective %s on %s for %s%n",
                    config.component(Role.ENCODER),
                    config.component(Role.PRIOR),
                    config.component(Role.DECODER),
                    config.component(Role.OBJECTIVE),
                    fit.data().facts().name(),
                    ConsoleText.count(fit.epochs(), "epoch"));
        }
        err.println("genzoo: data: " + data(fit.data()));
        err.flush();
    }

    /** "1,437 train and 360 test examples of 1x8x8, 17 levels in [0, 1], binarized afresh for each batch". */
    static String data(DeviceData data) {
        String prepared = data.preparation().describe();
        return data.facts().describe() + (prepared.isEmpty() ? "" : ", " + prepared);
    }
}
