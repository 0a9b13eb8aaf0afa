package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.data.Binarization;
import dev.genzoo.runtime.data.DataSplit;
import dev.genzoo.runtime.data.Dataset;

/**
 * The train and test splits as arrays on the model's device, binarized as asked: the test split
 * once with a fixed seed (so every run is scored on the same binary images), the train split once
 * ({@code static}) or per batch ({@code dynamic}, Salakhutdinov and Murray 2008).
 */
final class DeviceData implements AutoCloseable {
    /** The seed of the test split's binarization: fixed, so all runs share one test set. */
    static final long TEST_BINARIZATION_SEED = 1234567L;

    private final NDManager manager;
    private final NDArray train;
    private final NDArray test;
    private final Shape exampleShape;
    private final Binarization binarization;

    private DeviceData(NDManager manager, NDArray train, NDArray test, Shape exampleShape, Binarization b) {
        this.manager = manager;
        this.train = train;
        this.test = test;
        this.exampleShape = exampleShape;
        this.binarization = b;
    }

    static DeviceData place(DataSplit split, Binarization binarization, long seed, NDManager parent) {
        Dataset train = split.train();
        Dataset test = split.test();
        if (binarization != Binarization.NONE) {
            checkUnitInterval(train);
            test = Binarization.sample(test, TEST_BINARIZATION_SEED);
            if (binarization == Binarization.STATIC) {
                train = Binarization.sample(train, seed);
            }
        }
        NDManager manager = parent.newSubManager();
        return new DeviceData(
                manager,
                onDevice(train, manager),
                onDevice(test, manager),
                train.exampleShape(),
                binarization);
    }

    private static NDArray onDevice(Dataset data, NDManager manager) {
        Shape shape = new Shape(data.size()).addAll(data.exampleShape());
        return manager.create(data.values(), shape);
    }

    private static void checkUnitInterval(Dataset data) {
        for (float v : data.values()) {
            if (!(v >= 0f && v <= 1f)) {
                throw new GenzooException(
                        "data '" + data.name() + "' has values outside [0, 1], so it cannot be binarized;"
                                + " use --binarize none");
            }
        }
    }

    /** The batch as the model sees it: resampled binary pixels under dynamic binarization. */
    NDArray prepare(NDArray batch) {
        if (binarization != Binarization.DYNAMIC) {
            return batch;
        }
        NDArray u = batch.getManager().randomUniform(0f, 1f, batch.getShape());
        return u.lt(batch).toType(DataType.FLOAT32, false);
    }

    NDArray train() {
        return train;
    }

    NDArray test() {
        return test;
    }

    long trainSize() {
        return train.getShape().get(0);
    }

    Shape exampleShape() {
        return exampleShape;
    }

    @Override
    public void close() {
        manager.close();
    }
}
