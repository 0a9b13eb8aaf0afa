package dev.genzoo.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Examples on the model's device read a range at a time, as batches of floats: the held-out split
 * (kept in its compact form and converted per batch), or any array.
 */
public interface Examples {
    /**
     * The number of examples.
     *
     * @return N
     */
    long size();

    /**
     * One example's shape.
     *
     * @return the data shape
     */
    Shape exampleShape();

    /**
     * The examples from {@code from} to {@code to} as a batch; its arrays belong to the caller's
     * scope.
     *
     * @param from the first index, inclusive
     * @param to the last index, exclusive, at most N
     * @return the batch, [to - from, data shape]
     */
    Batch batch(long from, long to);

    /**
     * The examples of an array, without labels.
     *
     * @param all [N, data shape], float32
     * @return the examples
     */
    static Examples of(NDArray all) {
        return new Examples() {
            @Override
            public long size() {
                return all.getShape().get(0);
            }

            @Override
            public Shape exampleShape() {
                return all.getShape().slice(1);
            }

            @Override
            public Batch batch(long from, long to) {
                return Batch.of(all.get(new NDIndex().addSliceDim(from, to)));
            }
        };
    }
}
