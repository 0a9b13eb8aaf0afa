package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory data set of N examples of one shape, row-major, held as the source gave them:
 * discrete values as one byte each (a pixel k of K levels stands for k / (K - 1)), or real values
 * as floats.
 *
 * <p>Example {@code i} occupies elements {@code [i * exampleSize(), (i + 1) * exampleSize())}. A
 * 200,000-image colour set of 32x32 is 614 MB as bytes, a quarter of its size as floats: images
 * stay bytes here and become floats a batch at a time, on the device (see {@link DeviceData}). The
 * arrays are shared, not copied; treat them as read-only; so kept, a data set may be shared between
 * threads. {@link #subset(int[])} copies the rows it selects.
 */
public final class Dataset {
    private final String name;
    private final Shape exampleShape;
    private final int exampleSize;
    private final int size;
    private final byte[] bytes;
    private final int levels;
    private final float[] floats;
    private final int[] labels;
    private final List<String> classes;

    private Dataset(
            String name,
            Shape exampleShape,
            byte[] bytes,
            int levels,
            float[] floats,
            int[] labelsOrNull,
            List<String> classes) {
        this.name = Objects.requireNonNull(name, "name");
        this.exampleShape = Objects.requireNonNull(exampleShape, "exampleShape");
        this.bytes = bytes;
        this.levels = levels;
        this.floats = floats;
        this.exampleSize = sizeOf(exampleShape);
        long length = bytes != null ? bytes.length : floats.length;
        if (length % exampleSize != 0) {
            throw new IllegalArgumentException(
                    length + " values are not a whole number of examples of " + exampleShape);
        }
        this.size = (int) (length / exampleSize);
        if (labelsOrNull != null && labelsOrNull.length != size) {
            throw new IllegalArgumentException(labelsOrNull.length + " labels for " + size + " examples");
        }
        this.labels = labelsOrNull;
        this.classes = List.copyOf(classes);
    }

    /**
     * A data set of real values over the given array, which it keeps rather than copies.
     *
     * @param name what the data set is called in logs and run records: "digits", "moons", a path
     * @param exampleShape the shape of one example: (1, 8, 8), (1, 28, 28), (2)
     * @param values N examples, row-major, one after another
     * @param labelsOrNull one class label per example, or null when there are none
     * @throws IllegalArgumentException if the values are not a whole number of examples, or the
     *     labels are not one per example
     */
    public Dataset(String name, Shape exampleShape, float[] values, int[] labelsOrNull) {
        this(name, exampleShape, null, 0, Objects.requireNonNull(values, "values"), labelsOrNull, List.of());
    }

    /**
     * A data set of discrete values, one byte each, over the given array, which it keeps rather
     * than copies: byte k (read unsigned) stands for the value k / (levels - 1).
     *
     * @param name what the data set is called
     * @param exampleShape the shape of one example, (C, H, W) for images
     * @param bytes N examples, row-major, one after another
     * @param levels K, the number of levels, 2 to 256: 256 for 8-bit pixels
     * @param labelsOrNull one class label per example, or null when there are none
     * @return the data set
     * @throws IllegalArgumentException if the bytes are not a whole number of examples, the
     *     labels are not one per example, or the levels are outside 2..256
     */
    public static Dataset ofBytes(String name, Shape exampleShape, byte[] bytes, int levels, int[] labelsOrNull) {
        if (levels < 2 || levels > 256) {
            throw new IllegalArgumentException("bytes hold 2 to 256 levels, not " + levels);
        }
        return new Dataset(
                name, exampleShape, Objects.requireNonNull(bytes, "bytes"), levels, null, labelsOrNull, List.of());
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
     * The same examples and labels with the names of the classes the labels number.
     *
     * @param names class {@code i}'s name at index i (an image folder's sub-folder names, sorted)
     * @return a data set sharing this one's arrays
     */
    public Dataset withClasses(List<String> names) {
        return new Dataset(name, exampleShape, bytes, levels, floats, labels, names);
    }

    /**
     * The same examples and class names with other labels.
     *
     * @param labelsOrNull one label per example, or null for none
     * @return a data set sharing this one's values
     */
    Dataset withLabels(int[] labelsOrNull) {
        return new Dataset(name, exampleShape, bytes, levels, floats, labelsOrNull, classes);
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
     * @return (1, 8, 8) for digits, (1, 28, 28) for MNIST, (3, 32, 32) for colour images, (2) for
     *     the 2-D toy sets
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
     * Whether the values are held as bytes of {@link #levels()} levels.
     *
     * @return true for discrete data (images), false for real values
     */
    public boolean isBytes() {
        return bytes != null;
    }

    /**
     * The number of levels K the bytes stand for.
     *
     * @return K (256 for 8-bit pixels, 17 for the digits' counts), or 0 for real values
     */
    public int levels() {
        return levels;
    }

    /**
     * The host memory the values take.
     *
     * @return N * D for bytes, 4 N * D for floats
     */
    public long valueBytes() {
        return bytes != null ? bytes.length : 4L * floats.length;
    }

    /**
     * The bytes, example after example.
     *
     * @return the backing array itself, not a copy; do not modify it
     * @throws IllegalStateException if the values are floats
     */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException(name + " holds real values, not bytes");
        }
        return bytes;
    }

    /**
     * The values to look at for facts about them (range, levels): the floats themselves, or for
     * bytes only the distinct values they stand for, so that no float copy of an image set is made.
     *
     * @return the values, or each distinct value once
     */
    public float[] distinctOrAllValues() {
        if (floats != null) {
            return floats;
        }
        boolean[] seen = new boolean[256];
        for (byte b : bytes) {
            seen[b & 0xFF] = true;
        }
        float[] table = valueTable();
        float[] out = new float[256];
        int count = 0;
        for (int k = 0; k < 256; k++) {
            if (seen[k]) {
                out[count++] = table[k];
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /**
     * All values as floats, example after example.
     *
     * @return for real values the backing array itself, not a copy (do not modify it); for bytes a
     *     new array of k / (K - 1), four bytes per value
     */
    public float[] values() {
        if (floats != null) {
            return floats;
        }
        float[] table = valueTable();
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = table[bytes[i] & 0xFF];
        }
        return out;
    }

    /**
     * The value each byte stands for.
     *
     * @return 256 entries, entry k = k / (K - 1) for k &lt; K
     * @throws IllegalStateException if the values are floats
     */
    public float[] valueTable() {
        if (bytes == null) {
            throw new IllegalStateException(name + " holds real values, not bytes");
        }
        return levelTable(levels);
    }

    /** k / (K - 1) for every byte k, in float arithmetic as the sources have always scaled. */
    static float[] levelTable(int levels) {
        float[] table = new float[256];
        for (int k = 0; k < 256; k++) {
            table[k] = k / (float) (levels - 1);
        }
        return table;
    }

    /**
     * One value.
     *
     * @param index an element index in [0, N * D)
     * @return the value, k / (K - 1) for bytes
     */
    public float value(int index) {
        return floats != null ? floats[index] : (bytes[index] & 0xFF) / (float) (levels - 1);
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
     * The names of the classes, where the source names them.
     *
     * @return class {@code i}'s name at index i (an image folder's sub-folders), or empty
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * The chosen examples, in the order given, as a new data set of the same name.
     *
     * @param indices example indices, each in [0, size); repeats are allowed
     * @return a data set holding copies of those rows (and their labels), held as this one's are
     * @throws IndexOutOfBoundsException if an index is outside [0, size)
     */
    public Dataset subset(int[] indices) {
        int[] chosenLabels = labels == null ? null : new int[indices.length];
        byte[] chosenBytes = bytes == null ? null : new byte[Math.multiplyExact(indices.length, exampleSize)];
        float[] chosenFloats = floats == null ? null : new float[Math.multiplyExact(indices.length, exampleSize)];
        for (int row = 0; row < indices.length; row++) {
            int index = Objects.checkIndex(indices[row], size);
            if (bytes != null) {
                System.arraycopy(bytes, index * exampleSize, chosenBytes, row * exampleSize, exampleSize);
            } else {
                System.arraycopy(floats, index * exampleSize, chosenFloats, row * exampleSize, exampleSize);
            }
            if (chosenLabels != null) {
                chosenLabels[row] = labels[index];
            }
        }
        return new Dataset(name, exampleShape, chosenBytes, levels, chosenFloats, chosenLabels, classes);
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
