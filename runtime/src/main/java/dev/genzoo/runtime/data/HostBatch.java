package dev.genzoo.runtime.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A batch gathered on the host, before it goes to the device: the chosen examples' values, as the
 * training split holds them (bytes, or floats in the platform's byte order), side by side in one
 * direct buffer, and their labels. Reused from batch to batch; written by the thread that gathers,
 * read by the training thread, never both at once.
 */
final class HostBatch {
    final ByteBuffer values;
    final long[] labels;
    int count;

    HostBatch(int capacity, int exampleBytes, boolean labelled) {
        this.values = ByteBuffer.allocateDirect(Math.multiplyExact(capacity, exampleBytes))
                .order(ByteOrder.nativeOrder());
        this.labels = labelled ? new long[capacity] : null;
    }

    /**
     * Copies examples of a data set into this batch.
     *
     * @param data the training split
     * @param order the epoch's permutation
     * @param from the first position in the permutation
     * @param to the last position, exclusive
     * @return this batch
     */
    HostBatch gather(Dataset data, long[] order, int from, int to) {
        int size = data.exampleSize();
        values.clear();
        int[] allLabels = data.labels().orElse(null);
        if (data.isBytes()) {
            byte[] bytes = data.bytes();
            for (int i = from; i < to; i++) {
                values.put(bytes, (int) order[i] * size, size);
            }
        } else {
            float[] floats = data.values();
            java.nio.FloatBuffer view = values.asFloatBuffer();
            for (int i = from; i < to; i++) {
                view.put(floats, (int) order[i] * size, size);
            }
            values.position(4 * (to - from) * size);
        }
        values.flip();
        if (labels != null) {
            for (int i = from; i < to; i++) {
                labels[i - from] = allLabels[(int) order[i]];
            }
        }
        count = to - from;
        return this;
    }
}
