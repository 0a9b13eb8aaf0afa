package dev.genzoo.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDScope;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.data.Batch;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.data.TrainingBatches;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Epochs of mini-batch stochastic gradient descent, and nothing else: for each epoch, for each
 * batch, one step in its own {@link NDScope}; its callbacks hear every boundary (see {@link
 * TrainingCallback}), and those that are {@link GradientTransform}s change each step's gradients.
 * Each epoch shuffles with a generator derived from (seed, epoch) and each step re-seeds the engine
 * from (seed, step), the evaluation from (seed, epoch), so a run resumed from any step, at an
 * epoch's end or inside one, takes exactly the steps an uninterrupted run would. The same loop fits
 * a whole model or a prior on frozen codes.
 */
public final class TrainingLoop {
    private final AssembledModel model;
    private final DeviceData data;
    private final Adam optimizer;
    private final List<TrainingCallback> callbacks;
    private final List<GradientTransform> transforms;

    /**
     * A loop over a model, its data and optimizer.
     *
     * @param model the model (its objective is what the steps minimise)
     * @param data the splits on the model's device
     * @param optimizer the optimizer of the model's trainable parameters
     * @param callbacks what hears the loop; run in ascending {@link TrainingCallback#order()}, ties
     *     in this list's order
     */
    public TrainingLoop(
            AssembledModel model, DeviceData data, Adam optimizer, List<? extends TrainingCallback> callbacks) {
        this.model = model;
        this.data = data;
        this.optimizer = optimizer;
        List<TrainingCallback> sorted = new ArrayList<>(callbacks);
        sorted.sort(Comparator.comparingInt(TrainingCallback::order));
        this.callbacks = List.copyOf(sorted);
        this.transforms = this.callbacks.stream()
                .filter(GradientTransform.class::isInstance)
                .map(GradientTransform.class::cast)
                .toList();
    }

    /**
     * Trains from {@code start} (an epoch's start, or a step inside it) to the end of {@code
     * epochs}. Every callback hears an exception before it is thrown on.
     *
     * @param epochs the epochs the fit runs to
     * @param batchSize examples per step
     * @param seed the seed the shuffles and the engine's draws derive from
     * @param start where the fit starts: the first epoch, the steps and seconds already taken
     * @return the last epoch's record, or null if no epoch was left to run
     */
    public EpochRecord fit(int epochs, int batchSize, long seed, FitStart start) {
        Fit fit = new Fit(model, optimizer, data, callbacks, epochs, batchSize, start);
        try {
            callbacks.forEach(c -> c.onFitStart(fit));
            EpochRecord last = null;
            for (int epoch = start.epoch(); epoch < epochs; epoch++) {
                last = epoch(fit, epoch, batchSize, seed);
            }
            EpochRecord end = last;
            callbacks.forEach(c -> c.onFitEnd(fit, end));
            return last;
        } catch (RuntimeException | Error e) {
            for (TrainingCallback callback : callbacks) {
                try {
                    callback.onException(fit, e);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private EpochRecord epoch(Fit fit, int epoch, int batchSize, long seed) {
        fit.startEpoch(epoch);
        callbacks.forEach(c -> c.onEpochStart(fit));
        long n = data.trainSize();
        TrainingStep step = new TrainingStep(model, optimizer, transforms);
        long first = (long) fit.batchesInEpoch() * batchSize;
        try (TrainingBatches batches = data.epoch(permutation(n, seed, epoch), batchSize, first)) {
            while (batches.hasNext()) {
                try (NDScope stepScope = new NDScope()) {
                    stepScope.suppressNotUsedWarning();
                    callbacks.forEach(c -> c.onStepStart(fit));
                    Engine.getInstance().setRandomSeed(mix(seed, fit.step()));
                    Batch batch = batches.next(model.manager());
                    StepContext context = StepContext.training(
                            fit.step(),
                            epoch,
                            fit.totalSteps(),
                            fit.stepsPerEpoch(),
                            model.manager(),
                            model.parameterStore());
                    StepValues values = step.run(batch.x(), model.forBatch(context, batch));
                    fit.stepTaken(values, batch.size());
                    callbacks.forEach(c -> c.onStepEnd(fit, values));
                }
            }
        }
        Map<String, Double> train = fit.epochMeans(n);
        Engine.getInstance().setRandomSeed(mix(seed, -1L - epoch));
        HeldOutMetrics heldOut = new HeldOutMetrics();
        callbacks.forEach(c -> c.onEvaluation(fit, heldOut));
        EpochRecord record = new EpochRecord(epoch + 1, fit.step(), fit.seconds(), train, heldOut.values());
        callbacks.forEach(c -> c.onEpochEnd(fit, record));
        return record;
    }

    /** The engine's seed for a step (index >= 0) or an epoch's evaluation (index -1 - epoch). */
    static int mix(long seed, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31)) & Integer.MAX_VALUE;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher and Yates), determined by seed and epoch. */
    static long[] permutation(long n, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed * 31 + epoch * 0x632BE59BD9B4E019L);
        long[] order = new long[Math.toIntExact(n)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
