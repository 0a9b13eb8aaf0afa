package dev.genzoo.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Scalars;
import dev.genzoo.runtime.config.Settings;

/**
 * The train and test splits as arrays on the model's device, binarized and dequantized as asked:
 * the test split once with fixed seeds (so every run is scored on the same examples), the train
 * split once ({@code static} binarization) or per batch ({@code dynamic} binarization,
 * Salakhutdinov and Murray 2008; uniform dequantization, Theis et al. 2016).
 */
public final class DeviceData implements AutoCloseable {
    /** The seed of the test split's binarization: fixed, so all runs share one test set. */
    static final long TEST_BINARIZATION_SEED = 1234567L;
    /** The seed of the test split's dequantization noise: fixed for the same reason. */
    static final long TEST_DEQUANTIZATION_SEED = 7654321L;

    private final NDManager manager;
    private final NDArray train;
    private final NDArray test;
    private final NDArray original;
    private final DataFacts facts;
    private final Shape exampleShape;
    private final DataPreparation preparation;
    private final int levels;
    private Labels labels;

    /**
     * The class labels of both splits on the device, for a conditional model (issue 16).
     *
     * @param train [N_train] int64
     * @param test [N_test] int64
     * @param classes the number of classes: the largest label plus one
     */
    public record Labels(NDArray train, NDArray test, int classes) {}

    private DeviceData(
            NDManager manager,
            NDArray train,
            NDArray test,
            NDArray original,
            DataFacts facts,
            DataPreparation preparation,
            int levels) {
        this.manager = manager;
        this.train = train;
        this.test = test;
        this.original = original;
        this.facts = facts;
        this.exampleShape = facts.exampleShape();
        this.preparation = preparation;
        this.levels = levels;
    }

    /**
     * Places the splits on a device, prepared as asked.
     *
     * @param split the train and test splits on the host
     * @param facts what the split is (see {@link DataFacts#of})
     * @param preparation binarization and dequantization
     * @param seed the run's seed (static binarization of the train split)
     * @param parent the device's manager; the arrays live in a sub-manager closed with this object
     * @return the placed data
     */
    public static DeviceData place(
            DataSplit split, DataFacts facts, DataPreparation preparation, long seed, NDManager parent) {
        Dataset train = split.train();
        Dataset test = split.test();
        Dataset original = test;
        Binarization binarization = preparation.binarization();
        if (binarization != Binarization.NONE) {
            checkUnitInterval(train);
            test = Binarization.sample(test, TEST_BINARIZATION_SEED);
            if (binarization == Binarization.STATIC) {
                train = Binarization.sample(train, seed);
            }
        }
        int levels = 0;
        if (preparation.dequantization() == Dequantization.UNIFORM) {
            levels = binarization != Binarization.NONE ? 2 : Dequantization.levels(train);
            test = Dequantization.sample(test, levels, TEST_DEQUANTIZATION_SEED);
        }
        NDManager manager = parent.newSubManager();
        NDArray placedTest = onDevice(test, manager);
        NDArray placedOriginal = original == test ? placedTest : onDevice(original, manager);
        DeviceData placed = new DeviceData(
                manager, onDevice(train, manager), placedTest, placedOriginal, facts, preparation, levels);
        if (split.train().labels().isPresent() && split.test().labels().isPresent()) {
            int[] trainLabels = split.train().labels().get();
            int[] testLabels = split.test().labels().get();
            int classes = 1
                    + Math.max(
                            java.util.Arrays.stream(trainLabels).max().orElse(0),
                            java.util.Arrays.stream(testLabels).max().orElse(0));
            placed.labels =
                    new Labels(manager.create(toLong(trainLabels)), manager.create(toLong(testLabels)), classes);
        }
        return placed;
    }

    private static long[] toLong(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * The class labels of both splits, where the source has them (issue 16: a conditional model's
     * condition).
     *
     * @return the labels on the device, or empty
     */
    public java.util.Optional<Labels> labels() {
        return java.util.Optional.ofNullable(labels);
    }

    private static NDArray onDevice(Dataset data, NDManager manager) {
        Shape shape = new Shape(data.size()).addAll(data.exampleShape());
        return manager.create(data.values(), shape);
    }

    private static void checkUnitInterval(Dataset data) {
        for (float v : data.values()) {
            if (!(v >= 0f && v <= 1f)) {
                throw new GenzooException("data '" + data.name()
                        + "' has values outside [0, 1], so it cannot be binarized; use " + Settings.BINARIZE.flag()
                        + " none");
            }
        }
    }

    /**
     * The batch as the model sees it: resampled binary pixels under dynamic binarization, then
     * x (K - 1) / K + U[0, 1 / K) under uniform dequantization.
     */
    public NDArray prepare(NDArray batch) {
        NDArray x = batch;
        if (preparation.binarization() == Binarization.DYNAMIC) {
            NDArray u = x.getManager().randomUniform(0f, 1f, x.getShape());
            x = u.lt(x).toType(DataType.FLOAT32, false);
        }
        if (levels > 0) {
            NDArray u = x.getManager().randomUniform(0f, 1f / levels, x.getShape());
            x = Scalars.times(x, (levels - 1f) / levels).add(u);
        }
        return x;
    }

    /**
     * What turns the model's bound on the density of dequantized data into a bound on the
     * probability of the discrete data: log of a cell's volume, -D log K, or 0 without
     * dequantization.
     */
    public double logCellVolume() {
        return levels > 0 ? -exampleShape.size() * Math.log(levels) : 0;
    }

    /** @return what is done to the data, every word decided */
    public DataPreparation preparation() {
        return preparation;
    }

    /** @return what the data are, before any preparation */
    public DataFacts facts() {
        return facts;
    }

    /**
     * The levels of the held-out data as the model sees them.
     *
     * @return 2 when binarized, 0 when dequantized, else the data's own (0 for real values)
     */
    public int levelsSeen() {
        return preparation.levelsSeen(facts);
    }

    /**
     * The held-out split as the source gave it, before binarization and dequantization (the
     * intensities beside the binary targets of a picture).
     *
     * @return [N, data...], the same array as {@link #test()} when nothing was prepared
     */
    public NDArray original() {
        return original;
    }

    /** @return the training split, [N, data...] */
    public NDArray train() {
        return train;
    }

    /** @return the held-out split, prepared once, [N, data...] */
    public NDArray test() {
        return test;
    }

    /** @return the number of training examples */
    public long trainSize() {
        return train.getShape().get(0);
    }

    /** @return one example's shape */
    public Shape exampleShape() {
        return exampleShape;
    }

    @Override
    public void close() {
        manager.close();
    }
}
