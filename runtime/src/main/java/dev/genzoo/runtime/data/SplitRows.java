package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The two parts of a split filled row by row as a reader decodes a source, so that a large data
 * set is held once, already divided, and never whole beside its parts. Each part keeps the
 * source's order.
 */
final class SplitRows {
    private final boolean[] test;
    private final int[] positions;
    private final int exampleSize;
    private final byte[][] bytes;
    private final float[][] floats;
    private int[][] labels;

    private SplitRows(boolean[] test, int exampleSize, boolean asBytes) {
        this.test = test;
        this.positions = HeldOutSplit.positions(test);
        this.exampleSize = exampleSize;
        int testCount = HeldOutSplit.trueCount(test);
        long[] lengths = {(long) (test.length - testCount) * exampleSize, (long) testCount * exampleSize};
        for (long length : lengths) {
            if (length > Integer.MAX_VALUE - 8) {
                throw new dev.genzoo.api.GenzooException("a part of " + test.length + " examples of " + exampleSize
                        + " values is more than the 2^31 values genzoo holds in one array");
            }
        }
        this.bytes = asBytes ? new byte[][] {new byte[(int) lengths[0]], new byte[(int) lengths[1]]} : null;
        this.floats = asBytes ? null : new float[][] {new float[(int) lengths[0]], new float[(int) lengths[1]]};
    }

    /**
     * Parts of bytes.
     *
     * @param test true for the rows held out
     * @param exampleSize values per example
     * @return the empty parts
     */
    static SplitRows ofBytes(boolean[] test, int exampleSize) {
        return new SplitRows(test, exampleSize, true);
    }

    /**
     * Parts of floats.
     *
     * @param test true for the rows held out
     * @param exampleSize values per example
     * @return the empty parts
     */
    static SplitRows ofFloats(boolean[] test, int exampleSize) {
        return new SplitRows(test, exampleSize, false);
    }

    /** The byte array row {@code row} of the source goes into, at {@link #offset(int)}. */
    byte[] bytesOf(int row) {
        return bytes[test[row] ? 1 : 0];
    }

    /** The float array row {@code row} of the source goes into, at {@link #offset(int)}. */
    float[] floatsOf(int row) {
        return floats[test[row] ? 1 : 0];
    }

    /** Where row {@code row} of the source starts in its part's array. */
    int offset(int row) {
        return positions[row] * exampleSize;
    }

    /** The number of rows of the source. */
    int rows() {
        return test.length;
    }

    /** Gives row {@code row} of the source a class label. */
    void label(int row, int label) {
        if (labels == null) {
            int testCount = HeldOutSplit.trueCount(test);
            labels = new int[][] {new int[test.length - testCount], new int[testCount]};
        }
        labels[test[row] ? 1 : 0][positions[row]] = label;
    }

    /**
     * The filled parts.
     *
     * @param name the data set's name
     * @param shape one example's shape
     * @param levels for bytes, the levels K they stand for
     * @param classes the names of the labels' classes, or empty
     * @return the split
     */
    DataSplit build(String name, Shape shape, int levels, List<String> classes) {
        return new DataSplit(
                part(name, shape, levels, 0).withClasses(classes),
                part(name, shape, levels, 1).withClasses(classes));
    }

    private Dataset part(String name, Shape shape, int levels, int which) {
        int[] partLabels = labels == null ? null : labels[which];
        return bytes != null
                ? Dataset.ofBytes(name, shape, bytes[which], levels, partLabels)
                : new Dataset(name, shape, floats[which], partLabels);
    }
}
