package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory data set of N examples of one shape, values row-major.
 *
 * <p>Example {@code i} occupies {@code values()[i * exampleSize(), (i + 1) * exampleSize())}. The
 * arrays are shared, not copied, so that a 188 MB MNIST training set exists once; treat them as
 * read-only; so kept, a data set may be shared between threads. {@link #subset(int[])} copies the
 * rows it selects.
 */
public final class Dataset {
    private final String name;
    private final Shape exampleShape;
    private final int exampleSize;
    private final int size;
    private final float[] values;
    private final int[] labels;

    /**
     * A data set over the given arrays, which it keeps rather than copies.
     *
     * @param name what the data set is called in logs and run records: "digits", "moons", a path
     * @param exampleShape the shape of one example: (1, 8, 8), (1, 28, 28), (2)
     * @param values N examples, row-major, one after another
     * @param labelsOrNull one class label per example, or null when there are none
     * @throws IllegalArgumentException if the values are not a whole number of examples, or the
     *     labels are not one per example
     */
    public Dataset(String name, Shape exampleShape, float[] values, int[] labelsOrNull) {
        this.name = Objects.requireNonNull(name, "name");
        this.exampleShape = Objects.requireNonNull(exampleShape, "exampleShape");
        this.values = Objects.requireNonNull(values, "values");
        this.exampleSize = sizeOf(exampleShape);
        if (values.length % exampleSize != 0) {
            throw new IllegalArgumentException(
                    values.length + " values are not a whole number of examples of " + exampleShape);
        }
        this.size = values.length / exampleSize;
        if (labelsOrNull != null && labelsOrNull.length != size) {
            throw new IllegalArgumentException(labelsOrNull.length + " labels for " + size + " examples");
        }
        this.labels = labelsOrNull;
    }

    private static int sizeOf(Shape shape) {
        long product = 1;
        for (long dimension : shape.getShape()) {
            if (dimension <= 0 || product * dimension > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("an example shape needs positive dimensions and at most "
                        + Integer.MAX_VALUE + " values, got " + shape);
            }
            product *= dimension;
        }
        return (int) product;
    }

    /**
     * The data set's name.
     *
     * @return what it is called in logs and run records
     */
    public String name() {
        return name;
    }

    /**
     * The shape of one example.
     *
     * @return (1, 8, 8) for digits, (1, 28, 28) for MNIST, (2) for the 2-D toy sets
     */
    public Shape exampleShape() {
        return exampleShape;
    }

    /**
     * The number of examples, N.
     *
     * @return N
     */
    public int size() {
        return size;
    }

    /**
     * The number of values in one example.
     *
     * @return the product of the example shape's dimensions
     */
    public int exampleSize() {
        return exampleSize;
    }

    /**
     * All values, example after example.
     *
     * @return the backing array itself, not a copy; do not modify it
     */
    public float[] values() {
        return values;
    }

    /**
     * The class labels, when the source has them.
     *
     * @return the backing array itself, one label per example, or empty
     */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels);
    }

    /**
     * The chosen examples, in the order given, as a new data set of the same name.
     *
     * @param indices example indices, each in [0, size); repeats are allowed
     * @return a data set holding copies of those rows (and their labels)
     * @throws IndexOutOfBoundsException if an index is outside [0, size)
     */
    public Dataset subset(int[] indices) {
        float[] chosen = new float[Math.multiplyExact(indices.length, exampleSize)];
        int[] chosenLabels = labels == null ? null : new int[indices.length];
        for (int row = 0; row < indices.length; row++) {
            int index = Objects.checkIndex(indices[row], size);
            System.arraycopy(values, index * exampleSize, chosen, row * exampleSize, exampleSize);
            if (chosenLabels != null) {
                chosenLabels[row] = labels[index];
            }
        }
        return new Dataset(name, exampleShape, chosen, chosenLabels);
    }

    /**
     * The first {@code n} examples.
     *
     * @param n how many; at least the size gives all of them
     * @return a copy of the first n rows, or this data set itself when n &gt;= size
     * @throws IllegalArgumentException if n is negative
     */
    public Dataset first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot take " + n + " examples");
        }
        if (n >= size) {
            return this;
        }
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return subset(indices);
    }

    @Override
    public String toString() {
        return name + " (" + size + " examples of " + exampleShape + ")";
    }
}
