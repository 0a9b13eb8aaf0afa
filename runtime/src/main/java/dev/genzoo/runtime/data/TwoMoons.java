package dev.genzoo.runtime.data;

import java.util.SplittableRandom;

/**
 * Two interleaving half circles, scikit-learn's {@code make_moons}: with a ~ U(0, pi), the upper
 * moon (cos a, sin a) or the lower (1 - cos a, 0.5 - sin a), each with probability 1/2, plus
 * Gaussian noise of standard deviation 0.05.
 */
final class TwoMoons implements ToyDistribution {
    /** The standard deviation of the noise added to each coordinate. */
    static final double NOISE = 0.05;

    @Override
    public String name() {
        return "moons";
    }

    @Override
    public long seed() {
        return 0x4D00_4E53L;
    }

    @Override
    public void draw(SplittableRandom random, float[] points, int at) {
        double a = random.nextDouble() * Math.PI;
        boolean upper = random.nextDouble() > 0.5;
        double x = upper ? Math.cos(a) : 1 - Math.cos(a);
        double y = upper ? Math.sin(a) : 0.5 - Math.sin(a);
        points[at] = (float) (x + NOISE * random.nextGaussian());
        points[at + 1] = (float) (y + NOISE * random.nextGaussian());
    }
}
