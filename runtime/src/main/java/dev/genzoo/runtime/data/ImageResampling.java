package dev.genzoo.runtime.data;

/**
 * Resizes an image to N x N by this rule: scaled so that its shorter side is N, then the centre N x
 * N cut out. The crop is taken in the source's continuous coordinates (pixel i covers [i, i + 1)),
 * so no half pixel is lost or shifted; each output pixel is a weighted mean of source pixels under a
 * triangle (tent) filter whose radius is the scale factor when shrinking (every source pixel
 * contributes: antialiasing) and one pixel when enlarging (bilinear interpolation), its weights
 * renormalized at the image's border (the filter of PIL's BILINEAR resize, separable: rows, then
 * columns).
 */
final class ImageResampling {
    private ImageResampling() {}

    /**
     * Resizes planes of values.
     *
     * @param planes C planes of height x width values, plane after plane, row-major
     * @param channels C
     * @param height the source's height
     * @param width the source's width
     * @param size N
     * @return C planes of N x N values
     */
    static float[] resize(float[] planes, int channels, int height, int width, int size) {
        double scale = Math.min(height, width) / (double) size;
        Weights across = Weights.of(width, size, scale, (width - size * scale) / 2);
        Weights down = Weights.of(height, size, scale, (height - size * scale) / 2);
        float[] out = new float[channels * size * size];
        double[] row = new double[size * height];
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < size; x++) {
                    row[y * size + x] = across.apply(planes, plane + y * width, 1, x);
                }
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    out[(c * size + y) * size + x] = (float) down.apply(row, x, size, y);
                }
            }
        }
        return out;
    }

    /** The weights of every output position along one axis, each over a window of source positions. */
    private record Weights(int[] first, double[][] weights) {
        static Weights of(int in, int out, double scale, double offset) {
            double radius = Math.max(scale, 1.0);
            int[] first = new int[out];
            double[][] weights = new double[out][];
            for (int j = 0; j < out; j++) {
                double centre = offset + (j + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - radius));
                int hi = Math.min(in - 1, (int) Math.ceil(centre + radius));
                double[] w = new double[hi - lo + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    double t = 1 - Math.abs(i + 0.5 - centre) / radius;
                    w[i - lo] = Math.max(0, t);
                    sum += w[i - lo];
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] /= sum;
                }
                first[j] = lo;
                weights[j] = w;
            }
            return new Weights(first, weights);
        }

        double apply(float[] values, int start, int stride, int j) {
            double sum = 0;
            double[] w = weights[j];
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * values[start + (first[j] + i) * stride];
            }
            return sum;
        }

        double apply(double[] values, int start, int stride, int j) {
            double sum = 0;
            double[] w = weights[j];
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * values[start + (first[j] + i) * stride];
            }
            return sum;
        }
    }
}
