package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Objects;

/**
 * What a data set is, learnt once when it is opened: its name, the shape of one example (an image
 * or a point), the sizes of its splits, and its values: binary, in [0, 1], on a grid of K levels,
 * or real-valued. Default components, the data's preparation and the refusals of a model that
 * cannot be right for the data are decided from these facts (see {@code docs/architecture.md}).
 *
 * @param name the source's name: "digits", "moons", a path
 * @param exampleShape one example's shape: (1, 8, 8), (2)
 * @param trainSize examples in the training split
 * @param testSize examples in the held-out split
 * @param unitInterval whether every value lies in [0, 1]
 * @param levels K when every value lies on the grid 0, 1 / (K - 1), ..., 1 with K &lt;= 256 (2 for
 *     binary data, 17 for the bundled digits), else 0 (real values)
 */
public record DataFacts(
        String name, Shape exampleShape, int trainSize, int testSize, boolean unitInterval, int levels) {

    /** Facts checks name and shape. */
    public DataFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exampleShape, "exampleShape");
    }

    /**
     * The facts of a split, both parts read.
     *
     * @param split the training and held-out examples
     * @return the facts
     */
    public static DataFacts of(DataSplit split) {
        Dataset train = split.train();
        Dataset test = split.test();
        GridLevels grid = GridLevels.of(train.distinctOrAllValues(), test.distinctOrAllValues());
        boolean unit = grid.levels() > 0
                || (inUnitInterval(train.distinctOrAllValues()) && inUnitInterval(test.distinctOrAllValues()));
        return new DataFacts(train.name(), train.exampleShape(), train.size(), test.size(), unit, grid.levels());
    }

    private static boolean inUnitInterval(float[] values) {
        for (float v : values) {
            if (!(v >= 0f && v <= 1f)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether examples are images, (channels, height, width) */
    public boolean image() {
        return exampleShape.dimension() == 3;
    }

    /** @return whether every value is 0 or 1 */
    public boolean binary() {
        return levels == 2;
    }

    /**
     * Whether a Bernoulli likelihood can be given these data, as they are or binarized: binary
     * values, or images of intensities in [0, 1].
     *
     * @return true for binary data and for images in [0, 1]
     */
    public boolean binarizable() {
        return binary() || (image() && unitInterval);
    }

    /**
     * The values in words: "binary", "17 levels in [0, 1]", "real values in [0, 1]", "real values".
     *
     * @return the phrase
     */
    public String values() {
        if (binary()) {
            return "binary";
        }
        if (levels > 0) {
            return levels + " levels in [0, 1]";
        }
        return unitInterval ? "real values in [0, 1]" : "real values";
    }

    /**
     * The splits and shape in words, for a banner: "1,437 train and 360 test examples of 1x8x8, 17
     * levels in [0, 1]".
     *
     * @return the phrase
     */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%,d train and %,d test examples of %s, %s",
                trainSize,
                testSize,
                shapeText(exampleShape),
                values());
    }

    /**
     * A shape as its dimensions joined by x: "1x8x8", "2".
     *
     * @param shape the shape
     * @return the text
     */
    public static String shapeText(Shape shape) {
        StringBuilder text = new StringBuilder();
        for (long d : shape.getShape()) {
            text.append(text.length() == 0 ? "" : "x").append(d);
        }
        return text.toString();
    }
}
