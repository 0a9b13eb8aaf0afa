package dev.genzoo.nn;

/**
 * A 2-D convolution and its gradients computed by loops in double precision, independently of the
 * engine: y[n, o, i, j] = b[o] + sum_{c, u, v} w[o, c, u, v] x[n, c, s i + u - p, s j + v - p],
 * zero outside x. Arrays are flat, row-major.
 */
final class DirectConvolution {
    final int n;
    final int in;
    final int height;
    final int width;
    final int out;
    final int kernel;
    final int stride;
    final int pad;
    final int outHeight;
    final int outWidth;

    DirectConvolution(int n, int in, int height, int width, int out, int kernel, int stride, int pad) {
        this.n = n;
        this.in = in;
        this.height = height;
        this.width = width;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.outHeight = (height + 2 * pad - kernel) / stride + 1;
        this.outWidth = (width + 2 * pad - kernel) / stride + 1;
    }

    private int xAt(int b, int c, int r, int s) {
        return ((b * in + c) * height + r) * width + s;
    }

    private int wAt(int o, int c, int u, int v) {
        return ((o * in + c) * kernel + u) * kernel + v;
    }

    private int yAt(int b, int o, int i, int j) {
        return ((b * out + o) * outHeight + i) * outWidth + j;
    }

    /** The output y. */
    double[] forward(float[] x, float[] w, float[] bias) {
        double[] y = new double[n * out * outHeight * outWidth];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < outHeight; i++) {
                    for (int j = 0; j < outWidth; j++) {
                        double sum = bias[o];
                        for (int c = 0; c < in; c++) {
                            for (int u = 0; u < kernel; u++) {
                                for (int v = 0; v < kernel; v++) {
                                    int r = stride * i + u - pad;
                                    int s = stride * j + v - pad;
                                    if (r >= 0 && r < height && s >= 0 && s < width) {
                                        sum += (double) w[wAt(o, c, u, v)] * x[xAt(b, c, r, s)];
                                    }
                                }
                            }
                        }
                        y[yAt(b, o, i, j)] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** d(sum(g * y)) / dx, / dw and / db, for an upstream gradient g shaped like y. */
    double[][] backward(float[] x, float[] w, float[] g) {
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        double[] db = new double[out];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < outHeight; i++) {
                    for (int j = 0; j < outWidth; j++) {
                        double up = g[yAt(b, o, i, j)];
                        db[o] += up;
                        for (int c = 0; c < in; c++) {
                            for (int u = 0; u < kernel; u++) {
                                for (int v = 0; v < kernel; v++) {
                                    int r = stride * i + u - pad;
                                    int s = stride * j + v - pad;
                                    if (r >= 0 && r < height && s >= 0 && s < width) {
                                        dx[xAt(b, c, r, s)] += up * w[wAt(o, c, u, v)];
                                        dw[wAt(o, c, u, v)] += up * x[xAt(b, c, r, s)];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dx, dw, db};
    }

    /** The nearest-neighbour doubling of [n, c, h, w] values: every pixel becomes a 2 x 2 block. */
    static float[] doubled(float[] x, int n, int c, int h, int w) {
        float[] up = new float[x.length * 4];
        for (int plane = 0; plane < n * c; plane++) {
            for (int r = 0; r < 2 * h; r++) {
                for (int s = 0; s < 2 * w; s++) {
                    up[(plane * 2 * h + r) * 2 * w + s] = x[(plane * h + r / 2) * w + s / 2];
                }
            }
        }
        return up;
    }

    /** The gradient with respect to x of a function of its doubling, from the gradient with respect to the doubling. */
    static double[] summedOverBlocks(double[] upGradient, int n, int c, int h, int w) {
        double[] g = new double[n * c * h * w];
        for (int plane = 0; plane < n * c; plane++) {
            for (int r = 0; r < 2 * h; r++) {
                for (int s = 0; s < 2 * w; s++) {
                    g[(plane * h + r / 2) * w + s / 2] += upGradient[(plane * 2 * h + r) * 2 * w + s];
                }
            }
        }
        return g;
    }
}
