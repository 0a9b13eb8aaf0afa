package dev.genzoo.api;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a forward pass happens: which step of training it is (for warm-ups and annealing), whether
 * gradients are being recorded, and the device's manager and parameter store. Created by the
 * runtime for every step; immutable.
 *
 * <p>Arrays a component creates during a pass (noise, intermediate results) are released when the
 * step's scope closes; components must not keep them.
 */
public final class StepContext {
    private final long step;
    private final int epoch;
    private final long totalSteps;
    private final long stepsPerEpoch;
    private final boolean training;
    private final NDManager manager;
    private final ParameterStore parameterStore;
    private final SamplingProgress progress;
    private final Condition condition;

    private StepContext(
            long step,
            int epoch,
            long totalSteps,
            long stepsPerEpoch,
            boolean training,
            NDManager manager,
            ParameterStore parameterStore,
            SamplingProgress progress,
            Condition condition) {
        if (step < 0 || epoch < 0 || totalSteps < 0 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("step, epoch and totalSteps must be >= 0 and stepsPerEpoch >= 1");
        }
        this.step = step;
        this.epoch = epoch;
        this.totalSteps = totalSteps;
        this.stepsPerEpoch = stepsPerEpoch;
        this.training = training;
        this.manager = Objects.requireNonNull(manager, "manager");
        this.parameterStore = Objects.requireNonNull(parameterStore, "parameterStore");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.condition = condition;
    }

    /**
     * A training step.
     *
     * @param step optimizer steps taken before this one (0 for the first)
     * @param epoch the epoch this step belongs to, from 0
     * @param totalSteps the number of steps the whole run will take
     * @param stepsPerEpoch steps in one epoch
     * @param manager the device's manager
     * @param parameterStore the store parameters are read from
     * @return the context
     */
    public static StepContext training(
            long step,
            int epoch,
            long totalSteps,
            long stepsPerEpoch,
            NDManager manager,
            ParameterStore parameterStore) {
        return new StepContext(
                step, epoch, totalSteps, stepsPerEpoch, true, manager, parameterStore, SamplingProgress.NONE, null);
    }

    /**
     * An evaluation pass after {@code step} steps of training: no gradients, warm-ups finished.
     *
     * @param step the steps trained so far
     * @param manager the device's manager
     * @param parameterStore the store parameters are read from
     * @return the context
     */
    public static StepContext evaluation(long step, NDManager manager, ParameterStore parameterStore) {
        return new StepContext(step, 0, step, 1, false, manager, parameterStore, SamplingProgress.NONE, null);
    }

    /**
     * This context with a listener for the steps of sampling chains run in it (a diffusion
     * decoder's reverse process, a {@link Sampler}).
     *
     * @param listener hears each step
     * @return a new context, otherwise the same
     */
    public StepContext withProgress(SamplingProgress listener) {
        return new StepContext(
                step, epoch, totalSteps, stepsPerEpoch, training, manager, parameterStore, listener, condition);
    }

    /**
     * Optimizer steps taken before this pass.
     *
     * @return the step count, from 0
     */
    public long step() {
        return step;
    }

    /**
     * The current epoch, from 0.
     *
     * @return the epoch
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Steps the whole run will take.
     *
     * @return the total
     */
    public long totalSteps() {
        return totalSteps;
    }

    /**
     * Steps in one epoch.
     *
     * @return at least 1
     */
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /**
     * Training progress in epochs, fractional: {@code step / stepsPerEpoch}. Warm-ups measured in
     * epochs read this.
     *
     * @return epochs completed so far
     */
    public double epochsCompleted() {
        return (double) step / stepsPerEpoch;
    }

    /**
     * Whether gradients are recorded and training-only behaviour (dropout, codebook updates)
     * applies.
     *
     * @return true while training
     */
    public boolean training() {
        return training;
    }

    /**
     * The manager of the chosen device; new arrays (noise, constants) are created here.
     *
     * @return the device manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * The store DJL blocks read their parameters from ({@code block.forward(store, ...)}).
     *
     * @return the parameter store
     */
    public ParameterStore parameterStore() {
        return parameterStore;
    }

    /**
     * Who hears the steps of a sampling chain run in this pass.
     *
     * @return the listener, {@link SamplingProgress#NONE} unless one was given
     */
    public SamplingProgress progress() {
        return progress;
    }

    /**
     * This context for a conditional pass (api 1.2): its components read the condition of the
     * batch.
     *
     * @param given the batch's condition, or null for none
     * @return the context
     */
    public StepContext withCondition(Condition given) {
        return new StepContext(
                step, epoch, totalSteps, stepsPerEpoch, training, manager, parameterStore, progress, given);
    }

    /**
     * The condition of the batch of a conditional model's pass (api 1.2).
     *
     * @return the condition, or empty for an unconditional pass
     */
    public Optional<Condition> condition() {
        return Optional.ofNullable(condition);
    }
}
