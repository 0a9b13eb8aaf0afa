package dev.genzoo.runtime.data;

import java.util.SplittableRandom;

/**
 * An equal mixture of 8 isotropic Gaussians on a ring, the mode-coverage test of Metz et al.
 * (2017): here centres at radius 2 and angles k pi / 4, standard deviation 0.1, so that
 * neighbouring modes lie 15 standard deviations apart.
 */
final class EightGaussians implements ToyDistribution {
    /** The radius of the circle the centres lie on. */
    static final double RADIUS = 2.0;

    /** The standard deviation of each component, in both coordinates. */
    static final double DEVIATION = 0.1;

    /** The number of components. */
    static final int COMPONENTS = 8;

    @Override
    public String name() {
        return "eight-gaussians";
    }

    @Override
    public long seed() {
        return 0x8_6A55L;
    }

    @Override
    public void draw(SplittableRandom random, float[] points, int at) {
        double angle = random.nextInt(COMPONENTS) * 2 * Math.PI / COMPONENTS;
        points[at] = (float) (RADIUS * Math.cos(angle) + DEVIATION * random.nextGaussian());
        points[at + 1] = (float) (RADIUS * Math.sin(angle) + DEVIATION * random.nextGaussian());
    }
}
