package dev.genzoo.runtime.callbacks;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StatefulCallback;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the checkpoint of the epoch with the best held-out bound on log p(x) (the highest; the
 * lowest held-out loss for an objective without a bound) as {@code best.zip}, with {@code
 * --keep-best true}; the best so far is state a resume restores. Runs after the epoch's
 * checkpoint is written, and copies it.
 */
public final class BestCheckpoint implements StatefulCallback {
    private final StageFiles files;
    private final boolean on;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch;

    /**
     * A keeper of the best checkpoint.
     *
     * @param files the stage's files
     * @param config whether it is on
     */
    @Inject
    public BestCheckpoint(StageFiles files, ExperimentConfig config) {
        this.files = files;
        this.on = Boolean.parseBoolean(config.get(Settings.KEEP_BEST));
    }

    @Override
    public String stateName() {
        return "best-checkpoint";
    }

    @Override
    public int order() {
        return PERSIST + 1;
    }

    /** The number that ranks epochs: the held-out bound, or minus the held-out loss. */
    static double score(EpochRecord record) {
        Double bound = record.test().get(Evaluation.BOUND);
        return bound != null ? bound : -record.test().getOrDefault("loss", Double.NaN);
    }

    @Override
    public void onEpochEnd(Fit fit, EpochRecord record) {
        double score = score(record);
        if (!on || !(score > best)) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(files.checkpoint());
            AtomicFiles.write(files.best(), bytes);
        } catch (IOException e) {
            throw new GenzooException(
                    "could not copy " + files.checkpoint() + " to " + files.best() + ": " + e.getMessage(), e);
        }
        best = score;
        bestEpoch = record.epoch();
    }

    @Override
    public Map<String, String> stateValues() {
        return on && bestEpoch > 0
                ? Map.of("best", Double.toString(best), "epoch", Integer.toString(bestEpoch))
                : Map.of();
    }

    @Override
    public void restoreState(Map<String, String> values) {
        if (values.containsKey("best")) {
            best = Double.parseDouble(values.get("best"));
            bestEpoch = Integer.parseInt(values.get("epoch"));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "best bound %.4f at epoch %d", best, bestEpoch);
    }
}
