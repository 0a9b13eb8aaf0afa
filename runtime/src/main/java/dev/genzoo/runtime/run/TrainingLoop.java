package dev.genzoo.runtime.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.MetricsTable;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingListener;
import dev.genzoo.runtime.train.TrainingStep;
import dev.genzoo.runtime.wiring.AssembledModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Epochs of mini-batch Adam. Each epoch re-seeds the engine and shuffles with a generator derived
 * from (seed, epoch), so a run resumed from the checkpoint of epoch e takes exactly the steps an
 * uninterrupted run would. Each step runs in its own {@link NDScope}; after each epoch the test
 * split is evaluated, the metrics table rewritten and the checkpoint replaced. The same loop fits
 * a whole model ({@code checkpoint.zip}) or a prior on frozen codes ({@code prior.zip}).
 */
final class TrainingLoop {
    static final int EVALUATION_BATCH = 500;

    private final AssembledModel model;
    private final DeviceData data;
    private final ExperimentConfig config;
    private final Path checkpoint;
    private final TrainingListener listener;

    TrainingLoop(
            AssembledModel model,
            DeviceData data,
            ExperimentConfig config,
            Path checkpoint,
            TrainingListener listener) {
        this.model = model;
        this.data = data;
        this.config = config;
        this.checkpoint = checkpoint;
        this.listener = listener;
    }

    static long stepsPerEpoch(long examples, int batchSize) {
        return (examples + batchSize - 1) / batchSize;
    }

    /**
     * Trains from the start of {@code firstEpoch} to the configured number of epochs; the
     * listener hears {@code finished} however the loop ends.
     */
    EpochRecord run(Adam adam, int firstEpoch, long firstStep, MetricsTable table, double secondsBefore) {
        try {
            return epochs(adam, firstEpoch, firstStep, table, secondsBefore);
        } finally {
            listener.finished();
        }
    }

    private EpochRecord epochs(Adam adam, int firstEpoch, long firstStep, MetricsTable table, double secondsBefore) {
        int epochs = config.training().epochs();
        int batchSize = config.training().batchSize();
        long seed = config.training().seed();
        long n = data.trainSize();
        long perEpoch = stepsPerEpoch(n, batchSize);
        long total = perEpoch * epochs;
        TrainingStep step = new TrainingStep(model, adam);
        long steps = firstStep;
        long started = System.nanoTime();
        EpochRecord last = null;
        listener.started(firstStep, total, epochs);
        for (int epoch = firstEpoch; epoch < epochs; epoch++) {
            Engine.getInstance().setRandomSeed(mix(seed, epoch));
            Map<String, Double> sums = new LinkedHashMap<>();
            try (NDScope epochScope = new NDScope()) {
                epochScope.suppressNotUsedWarning();
                NDArray order = model.manager().create(permutation(n, seed, epoch));
                NDArray shuffled = data.train().get(order);
                for (long start = 0; start < n; start += batchSize) {
                    long end = Math.min(n, start + batchSize);
                    try (NDScope stepScope = new NDScope()) {
                        stepScope.suppressNotUsedWarning();
                        NDArray batch = data.prepare(shuffled.get(new NDIndex().addSliceDim(start, end)));
                        StepContext context = StepContext.training(
                                steps, epoch, total, perEpoch, model.manager(), model.parameterStore());
                        StepValues values = step.run(batch, context);
                        steps++;
                        if (!Double.isFinite(values.loss())) {
                            throw new GenzooException(String.format(
                                    "the loss became %s at step %d (epoch %d); the checkpoint of epoch %d is"
                                            + " kept; try a lower --lr",
                                    values.loss(), steps, epoch + 1, epoch));
                        }
                        add(sums, values, end - start);
                        listener.stepped(steps, epoch + 1, values.loss());
                    }
                }
            }
            Map<String, Double> train = new LinkedHashMap<>();
            sums.forEach((k, v) -> train.put(k, v / n));
            Map<String, Double> test =
                    Evaluation.run(model, data.test(), EVALUATION_BATCH, steps, data.logCellVolume());
            double seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
            last = new EpochRecord(epoch + 1, steps, seconds, train, test);
            table.append(last);
            Checkpoint.write(checkpoint, model, adam, config, epoch + 1, steps);
            listener.epochEnded(last);
        }
        return last;
    }

    private static void add(Map<String, Double> sums, StepValues values, long weight) {
        List<String> names = values.names();
        for (int i = 0; i < names.size(); i++) {
            sums.merge(names.get(i), values.values()[i] * weight, Double::sum);
        }
    }

    static int mix(long seed, int epoch) {
        long h = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
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
