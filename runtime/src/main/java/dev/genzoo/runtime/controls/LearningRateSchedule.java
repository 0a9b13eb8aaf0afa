package dev.genzoo.runtime.controls;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;

/**
 * Sets Adam's learning rate before every step from the step alone: a linear warm-up (Goyal et al.
 * 2017, section 2.2) from lr/W to lr over W steps, then constant, cosine annealing to 0 at the last
 * step (Loshchilov and Hutter 2017, without restarts) or step decay (times a factor every N
 * epochs). A pure function of the step, so a resumed run needs no saved state.
 */
public final class LearningRateSchedule implements TrainingCallback {
    private final double base;
    private final String schedule;
    private final int warmup;
    private final int decayEpochs;
    private final double decay;

    /**
     * A schedule as the config sets it.
     *
     * @param config the stage's config
     */
    @Inject
    public LearningRateSchedule(ExperimentConfig config) {
        this.base = config.get(Settings.LEARNING_RATE);
        this.schedule = config.get(Settings.LR_SCHEDULE);
        this.warmup = config.get(Settings.WARMUP_STEPS);
        this.decayEpochs = config.get(Settings.LR_DECAY_EPOCHS);
        this.decay = config.get(Settings.LR_DECAY);
    }

    @Override
    public void onStepStart(Fit fit) {
        fit.optimizer().setLearningRate(rate(fit.step(), fit.stepsPerEpoch(), fit.totalSteps()));
    }

    /**
     * The learning rate of a step.
     *
     * @param step the steps taken before it (0 for the first)
     * @param stepsPerEpoch steps in one epoch
     * @param totalSteps steps of the whole fit
     * @return the rate
     */
    public double rate(long step, long stepsPerEpoch, long totalSteps) {
        if (step < warmup) {
            return base * (step + 1) / warmup;
        }
        return switch (schedule) {
            case "cosine" -> {
                double progress = (double) (step - warmup) / Math.max(1, totalSteps - warmup);
                yield base * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
            }
            case "step" -> base * Math.pow(decay, Math.floorDiv(step, stepsPerEpoch * decayEpochs));
            default -> base;
        };
    }
}
