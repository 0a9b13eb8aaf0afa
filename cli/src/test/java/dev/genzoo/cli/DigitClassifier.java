package dev.genzoo.cli;

import dev.genzoo.runtime.data.Dataset;

/**
 * Multinomial logistic regression on the digits' 64 grey levels, fitted by full-batch gradient
 * descent on the cross-entropy with a little L2: an independent judge of which digit a sample
 * shows (it knows nothing of genzoo's models).
 */
final class DigitClassifier {
    private final int classes;
    private final int features;
    private final double[] weights;

    private DigitClassifier(int classes, int features, double[] weights) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
    }

    /** Fits the classifier to labelled examples. */
    static DigitClassifier fit(Dataset data, int classes, int iterations, double rate, double l2) {
        int d = data.exampleSize();
        int n = data.size();
        int[] labels = data.labels().orElseThrow();
        float[] x = data.values();
        double[] w = new double[classes * (d + 1)];
        double[] gradient = new double[w.length];
        double[] p = new double[classes];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(gradient, 0);
            for (int i = 0; i < n; i++) {
                probabilities(w, classes, d, x, i * d, p);
                for (int c = 0; c < classes; c++) {
                    double error = p[c] - (labels[i] == c ? 1 : 0);
                    int row = c * (d + 1);
                    for (int j = 0; j < d; j++) {
                        gradient[row + j] += error * x[i * d + j];
                    }
                    gradient[row + d] += error;
                }
            }
            for (int k = 0; k < w.length; k++) {
                w[k] -= rate * (gradient[k] / n + l2 * w[k]);
            }
        }
        return new DigitClassifier(classes, d, w);
    }

    private static void probabilities(double[] w, int classes, int d, float[] x, int offset, double[] p) {
        double most = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            int row = c * (d + 1);
            double s = w[row + d];
            for (int j = 0; j < d; j++) {
                s += w[row + j] * x[offset + j];
            }
            p[c] = s;
            most = Math.max(most, s);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - most);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
    }

    /** The most probable class of example i of values laid out example after example. */
    int predict(float[] values, int i) {
        double[] p = new double[classes];
        probabilities(weights, classes, features, values, i * features, p);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The fraction of labelled examples predicted right. */
    double accuracy(Dataset data) {
        int[] labels = data.labels().orElseThrow();
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            right += predict(data.values(), i) == labels[i] ? 1 : 0;
        }
        return right / (double) data.size();
    }

    /** The verdicts on every digit of a .npy written by genzoo, [n, 1, 8, 8]. */
    int[] judge(java.nio.file.Path npy) {
        double[] drawn = NumPyFiles.npy(npy).values();
        float[] values = new float[drawn.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) drawn[i];
        }
        int[] out = new int[values.length / features];
        for (int i = 0; i < out.length; i++) {
            out[i] = predict(values, i);
        }
        return out;
    }
}
