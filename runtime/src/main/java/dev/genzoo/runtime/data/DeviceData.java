package dev.genzoo.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Scalars;
import dev.genzoo.runtime.config.Settings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The data as the model reads it. The training split stays on the host as its source holds it
 * (images as bytes); each batch is gathered there by a background thread while the previous step
 * runs (see {@link TrainingBatches}), then moved to the model's device and prepared on it: bytes
 * become floats, and pixels are flipped, binarized ({@code dynamic}, Salakhutdinov and Murray 2008)
 * and dequantized (uniform, Theis et al. 2016) as asked, with the engine's generator on the
 * training thread. The held-out split is prepared once with fixed seeds, so every run is scored on
 * the same examples, placed on the device in its compact form (bytes where it can), and converted
 * a batch at a time.
 */
public final class DeviceData implements AutoCloseable {
    /** The seed of the test split's binarization: fixed, so all runs share one test set. */
    static final long TEST_BINARIZATION_SEED = 1234567L;
    /** The seed of the test split's dequantization noise: fixed for the same reason. */
    static final long TEST_DEQUANTIZATION_SEED = 7654321L;

    private final NDManager manager;
    private final Dataset train;
    private final HeldOut test;
    private final HeldOut original;
    private final DataFacts facts;
    private final Shape exampleShape;
    private final DataPreparation preparation;
    private final int levels;
    private ExecutorService background;
    private HostBatch[] buffers;
    private long inputNanos;
    private int classes;

    private DeviceData(
            NDManager manager,
            Dataset train,
            HeldOut test,
            HeldOut original,
            DataFacts facts,
            DataPreparation preparation,
            int levels) {
        this.manager = manager;
        this.train = train;
        this.test = test;
        this.original = original;
        this.facts = facts;
        this.exampleShape = train.exampleShape();
        this.preparation = preparation;
        this.levels = levels;
    }

    /**
     * Keeps the training split on the host and places the held-out split on a device, prepared as
     * asked.
     *
     * @param split the train and test splits on the host
     * @param facts what the split is (see {@link DataFacts#of})
     * @param preparation binarization, dequantization and flips
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
        try {
            HeldOut placedTest = HeldOut.place(test, manager);
            HeldOut placedOriginal = original == test ? placedTest : HeldOut.place(original, manager);
            DeviceData placed = new DeviceData(manager, train, placedTest, placedOriginal, facts, preparation, levels);
            if (split.train().labels().isPresent() && split.test().labels().isPresent()) {
                placed.classes = 1
                        + Math.max(
                                Arrays.stream(split.train().labels().get())
                                        .max()
                                        .orElse(0),
                                Arrays.stream(split.test().labels().get()).max().orElse(0));
            }
            return placed;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static void checkUnitInterval(Dataset data) {
        if (data.isBytes()) {
            return;
        }
        for (float v : data.values()) {
            if (!(v >= 0f && v <= 1f)) {
                throw new GenzooException("data '" + data.name()
                        + "' has values outside [0, 1], so it cannot be binarized; use " + Settings.BINARIZE.flag()
                        + " none");
            }
        }
    }

    /**
     * One epoch's training batches, in the order of a permutation.
     *
     * @param order a permutation of 0..N-1 of the training split
     * @param batchSize examples per batch (the last may have fewer)
     * @return the batches; close them at the epoch's end
     */
    public TrainingBatches epoch(long[] order, int batchSize) {
        return epoch(order, batchSize, 0);
    }

    /**
     * One epoch's training batches, in the order of a permutation, from a position inside it (a
     * run resumed mid-epoch).
     *
     * @param order a permutation of 0..N-1 of the training split
     * @param batchSize examples per batch (the last may have fewer)
     * @param first the position in the order of the first example handed out
     * @return the batches; close them at the epoch's end
     */
    public TrainingBatches epoch(long[] order, int batchSize, long first) {
        if (background == null) {
            background = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "genzoo-batches");
                thread.setDaemon(true);
                return thread;
            });
        }
        int capacity = Math.min(batchSize, train.size());
        if (buffers == null || buffers[0].values.capacity() < capacity * exampleBytes()) {
            boolean labelled = train.labels().isPresent();
            buffers = new HostBatch[] {
                new HostBatch(capacity, exampleBytes(), labelled), new HostBatch(capacity, exampleBytes(), labelled)
            };
        }
        return new TrainingBatches(this, background, buffers, order, batchSize, (int) Math.min(first, order.length));
    }

    private int exampleBytes() {
        return train.isBytes() ? train.exampleSize() : 4 * train.exampleSize();
    }

    Dataset trainSplit() {
        return train;
    }

    /** A gathered batch moved to the device and prepared for training. */
    Batch toDevice(HostBatch host, NDManager target) {
        Shape shape = new Shape(host.count).addAll(exampleShape);
        ByteBuffer values = host.values.duplicate().order(ByteOrder.nativeOrder());
        NDArray raw = target.create(values, shape, train.isBytes() ? DataType.UINT8 : DataType.FLOAT32);
        NDArray x = prepare(toFloats(raw, train.levels()));
        Optional<NDArray> labels = host.labels == null
                ? Optional.empty()
                : Optional.of(target.create(Arrays.copyOf(host.labels, host.count)));
        return new Batch(x, labels);
    }

    /** Bytes of K levels as the values k / (K - 1) they stand for; floats as they are. */
    static NDArray toFloats(NDArray raw, int byteLevels) {
        if (raw.getDataType() != DataType.UINT8) {
            return raw;
        }
        NDArray x = raw.toType(DataType.FLOAT32, false);
        return byteLevels == 2 ? x : x.div(byteLevels - 1f);
    }

    /**
     * A training batch as the model sees it: flipped left to right with probability 1/2 per example
     * under {@code --flip horizontal}, then resampled binary pixels under dynamic binarization, then
     * x (K - 1) / K + U[0, 1 / K) under uniform dequantization.
     *
     * @param batch examples as floats, [B, data shape]
     * @return the prepared batch
     */
    public NDArray prepare(NDArray batch) {
        NDArray x = batch;
        if (preparation.flip() && exampleShape.dimension() == 3) {
            long b = x.getShape().get(0);
            NDArray flip =
                    x.getManager().randomUniform(0f, 1f, new Shape(b, 1, 1, 1)).lt(0.5f);
            x = NDArrays.where(flip.broadcast(x.getShape()), x.flip(3), x);
        }
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
     *
     * @return -D log K, or 0
     */
    public double logCellVolume() {
        return levels > 0 ? -exampleShape.size() * Math.log(levels) : 0;
    }

    /** @return what is done to the data, every word decided */
    public DataPreparation preparation() {
        return preparation;
    }

    /** @return the held-out split on the device, prepared once, read a batch at a time */
    public Examples test() {
        return test;
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
     * intensities beside the binary targets of a picture), read a batch at a time.
     *
     * @return the same examples as {@link #test()} when nothing was prepared
     */
    public Examples original() {
        return original;
    }

    /**
     * The first examples of the held-out split as the source gave them, as one array; it belongs
     * to the caller's scope.
     *
     * @param n at most this many examples
     * @return [min(n, test size), data shape], float32
     */
    public NDArray originalHead(long n) {
        return original.batch(0, Math.min(n, original.size())).x();
    }

    /**
     * The first examples of the held-out split as one array, the reference pictures are drawn
     * beside and framed on; it belongs to the caller's scope.
     *
     * @param n at most this many examples
     * @return [min(n, test size), data shape], float32
     */
    public NDArray testHead(long n) {
        return test().batch(0, Math.min(n, test().size())).x();
    }

    /**
     * The number of classes of a labelled source, for a conditional model (issue 16).
     *
     * @return the largest label of either split plus one, or 0 when the source has no labels
     */
    public int classes() {
        return classes;
    }

    /**
     * The labels of the first examples of the held-out split; they belong to the caller's scope.
     *
     * @param n at most this many examples
     * @return [min(n, test size)] int64, or empty when the source has no labels
     */
    public Optional<NDArray> testLabelsHead(long n) {
        return test.labels(0, Math.min(n, test.size()));
    }

    /**
     * The training split as its source gave it (after a static binarization, without flips or
     * noise), moved to a device a range at a time: what {@code encode} reads.
     *
     * @param target the manager the batches are created in (each batch belongs to the caller's scope)
     * @return the examples, with their labels where the source has them
     */
    public Examples trainExamples(NDManager target) {
        Dataset split = train;
        return new Examples() {
            @Override
            public long size() {
                return split.size();
            }

            @Override
            public Shape exampleShape() {
                return exampleShape;
            }

            @Override
            public Batch batch(long from, long to) {
                int size = split.exampleSize();
                int begin = Math.toIntExact(from * size);
                int end = Math.toIntExact(to * size);
                Shape shape = new Shape(to - from).addAll(exampleShape);
                NDArray x = split.isBytes()
                        ? toFloats(
                                target.create(
                                        ByteBuffer.wrap(Arrays.copyOfRange(split.bytes(), begin, end)),
                                        shape,
                                        DataType.UINT8),
                                split.levels())
                        : target.create(Arrays.copyOfRange(split.values(), begin, end), shape);
                Optional<NDArray> labels = split.labels()
                        .map(l -> target.create(Arrays.stream(l, (int) from, (int) to)
                                .asLongStream()
                                .toArray()));
                return new Batch(x, labels);
            }
        };
    }

    /** @return the number of training examples */
    public long trainSize() {
        return train.size();
    }

    /** @return one example's shape */
    public Shape exampleShape() {
        return exampleShape;
    }

    /** @return the host memory the training split takes: N * D bytes for images */
    public long trainBytes() {
        return train.valueBytes();
    }

    /**
     * The time the training thread has spent on input: waiting for a gathered batch, moving it to
     * the device and preparing it there.
     *
     * @return seconds, over every epoch of this object's life
     */
    public double inputSeconds() {
        return inputNanos / 1e9;
    }

    void addInputTime(long nanos) {
        inputNanos += nanos;
    }

    @Override
    public void close() {
        if (background != null) {
            background.shutdownNow();
        }
        manager.close();
    }

    /** The held-out split on the device: values as bytes or floats, labels as int64, converted per batch. */
    private static final class HeldOut implements Examples {
        private final NDArray values;
        private final NDArray labels;
        private final int byteLevels;
        private final Shape exampleShape;

        private HeldOut(NDArray values, NDArray labels, int byteLevels, Shape exampleShape) {
            this.values = values;
            this.labels = labels;
            this.byteLevels = byteLevels;
            this.exampleShape = exampleShape;
        }

        static HeldOut place(Dataset test, NDManager manager) {
            Shape shape = new Shape(test.size()).addAll(test.exampleShape());
            NDArray values = test.isBytes()
                    ? manager.create(ByteBuffer.wrap(test.bytes()), shape, DataType.UINT8)
                    : manager.create(test.values(), shape);
            NDArray labels = test.labels()
                    .map(l -> manager.create(Arrays.stream(l).asLongStream().toArray()))
                    .orElse(null);
            return new HeldOut(values, labels, test.levels(), test.exampleShape());
        }

        @Override
        public long size() {
            return values.getShape().get(0);
        }

        @Override
        public Shape exampleShape() {
            return exampleShape;
        }

        /** The labels of a range, without converting its values; empty without labels. */
        Optional<NDArray> labels(long from, long to) {
            return labels == null ? Optional.empty() : Optional.of(labels.get(new NDIndex().addSliceDim(from, to)));
        }

        @Override
        public Batch batch(long from, long to) {
            NDIndex range = new NDIndex().addSliceDim(from, to);
            return new Batch(
                    toFloats(values.get(range), byteLevels),
                    labels == null ? Optional.empty() : Optional.of(labels.get(range)));
        }
    }
}
