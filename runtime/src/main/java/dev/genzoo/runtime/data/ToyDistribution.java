package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A distribution on the plane that a 2-D toy data set draws its points from, as in the density
 * estimation pictures of Grathwohl et al. (2019, FFJORD): multi-modal, and easy to look at.
 */
interface ToyDistribution {
    /** Points drawn for training. */
    int TRAIN_POINTS = 10_000;

    /** Points drawn for testing, after the training points. */
    int TEST_POINTS = 2_000;

    /**
     * The source name users write.
     *
     * @return "moons", "eight-gaussians", "checkerboard"
     */
    String name();

    /**
     * The set's own constant seed, so that its points never depend on a training seed.
     *
     * @return the seed of the {@link SplittableRandom} that draws all points
     */
    long seed();

    /**
     * Draws one point.
     *
     * @param random the source of randomness
     * @param points where to write: x at {@code points[at]}, y at {@code points[at + 1]}
     * @param at the index of x
     */
    void draw(SplittableRandom random, float[] points, int at);

    /**
     * The toy set: 10,000 training points, then 2,000 test points, from one stream.
     *
     * @return points of shape (2), unscaled and unlabelled
     */
    default DataSplit split() {
        float[] points = new float[2 * (TRAIN_POINTS + TEST_POINTS)];
        SplittableRandom random = new SplittableRandom(seed());
        for (int i = 0; i < TRAIN_POINTS + TEST_POINTS; i++) {
            draw(random, points, 2 * i);
        }
        Shape point = new Shape(2);
        return new DataSplit(
                new Dataset(name(), point, Arrays.copyOf(points, 2 * TRAIN_POINTS), null),
                new Dataset(name(), point, Arrays.copyOfRange(points, 2 * TRAIN_POINTS, points.length), null));
    }
}
