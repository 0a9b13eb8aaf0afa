package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.Arrays;

/**
 * Per-step constants on the device, one row per step t = 0..T, read for a batch of steps with one
 * gather (an embedding lookup) and shaped to broadcast against the data.
 */
final class Tables {
    private Tables() {}

    /**
     * A table of T + 1 values as a [T + 1, 1] array.
     *
     * @param manager a long-lived manager (the model's)
     * @param values one value per step
     * @return the table
     */
    static NDArray column(NDManager manager, float[] values) {
        return manager.create(values, new Shape(values.length, 1));
    }

    /**
     * The rows of a table at the given steps, shaped to broadcast against a batch whose examples
     * have rank {@code dataRank}.
     *
     * @param table a [T + 1, W] table
     * @param t steps, shape [B] (or [1]), integer type
     * @param dataRank the rank of one example
     * @return [B, W] for vector data, [B, W, 1, ...] for images
     */
    static NDArray at(NDArray table, NDArray t, int dataRank) {
        NDArray rows = table.getNDArrayInternal()
                .embedding(t, table, SparseFormat.DENSE)
                .singletonOrThrow();
        if (dataRank <= 1) {
            return rows;
        }
        long[] shape = new long[dataRank + 1];
        Arrays.fill(shape, 1);
        shape[0] = rows.getShape().get(0);
        shape[1] = rows.getShape().get(1);
        return rows.reshape(new Shape(shape));
    }
}
