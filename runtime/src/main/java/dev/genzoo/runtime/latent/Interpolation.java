package dev.genzoo.runtime.latent;

/**
 * Paths between two codes: linear, z = (1 - a) z1 + a z2, as the variational-inference literature
 * draws it, or spherical (Shoemake 1985; White 2016, "Sampling generative networks"), z = sin((1 -
 * a) theta) / sin(theta) z1 + sin(a theta) / sin(theta) z2 with theta the angle between z1 and z2,
 * which keeps a Gaussian code's norm where the linear path shrinks it.
 */
public final class Interpolation {
    /** Below this angle (radians) the spherical path is taken as the linear one (sin(theta) ~ 0). */
    static final double PARALLEL = 1e-6;

    private Interpolation() {}

    /**
     * The points a_i = i / (steps - 1), i = 0 .. steps - 1, along the path from z1 to z2; the
     * first is z1 and the last z2, exactly.
     *
     * @param z1 the start, flattened
     * @param z2 the end, the same length
     * @param steps the number of points, at least 2
     * @param spherical whether to follow the great circle rather than the chord
     * @return steps codes, one after another
     */
    public static float[] path(float[] z1, float[] z2, int steps, boolean spherical) {
        if (z1.length != z2.length) {
            throw new IllegalArgumentException("codes of " + z1.length + " and " + z2.length + " values");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a path needs at least 2 points, got " + steps);
        }
        int d = z1.length;
        double theta = spherical ? angle(z1, z2) : 0;
        float[] out = new float[steps * d];
        for (int i = 0; i < steps; i++) {
            double a = i / (double) (steps - 1);
            double w1;
            double w2;
            if (theta > PARALLEL) {
                w1 = Math.sin((1 - a) * theta) / Math.sin(theta);
                w2 = Math.sin(a * theta) / Math.sin(theta);
            } else {
                w1 = 1 - a;
                w2 = a;
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = i == 0 ? z1[j] : i == steps - 1 ? z2[j] : (float) (w1 * z1[j] + w2 * z2[j]);
            }
        }
        return out;
    }

    /** The angle between two vectors, in [0, pi]; 0 when either is zero. */
    static double angle(float[] u, float[] v) {
        double dot = 0;
        double uu = 0;
        double vv = 0;
        for (int j = 0; j < u.length; j++) {
            dot += (double) u[j] * v[j];
            uu += (double) u[j] * u[j];
            vv += (double) v[j] * v[j];
        }
        if (uu == 0 || vv == 0) {
            return 0;
        }
        return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(uu * vv))));
    }

    /**
     * Codes along one axis of the latent: for each dimension, the code with that dimension set to
     * each of {@code steps} values evenly spaced over [-range, range] and the others as given.
     *
     * @param z the code walked from, flattened
     * @param dims the dimensions walked, each in [0, z.length)
     * @param steps values per dimension, at least 2
     * @param range the walk's half-width
     * @return dims.length * steps codes, a dimension's walk after another's
     */
    public static float[] traversal(float[] z, int[] dims, int steps, double range) {
        if (steps < 2) {
            throw new IllegalArgumentException("a traversal needs at least 2 points, got " + steps);
        }
        int d = z.length;
        float[] out = new float[dims.length * steps * d];
        for (int k = 0; k < dims.length; k++) {
            for (int i = 0; i < steps; i++) {
                int row = (k * steps + i) * d;
                System.arraycopy(z, 0, out, row, d);
                out[row + dims[k]] = (float) (-range + 2 * range * i / (steps - 1));
            }
        }
        return out;
    }
}
