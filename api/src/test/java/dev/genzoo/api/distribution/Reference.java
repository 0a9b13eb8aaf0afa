package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The independent side of the distribution tests: the textbook formulas in Java doubles, written
 * from the definitions and not from the code under test.
 */
final class Reference {
    static final double LOG_2PI = Math.log(2 * Math.PI);

    private Reference() {}

    /** log N(x; mu, exp(logVar)) of one coordinate, from the density's definition. */
    static double normalLogDensity(double x, double mu, double logVar) {
        double variance = Math.exp(logVar);
        double density = Math.exp(-(x - mu) * (x - mu) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
        return Math.log(density);
    }

    /**
     * KL(N(muQ, exp(lvQ)) || N(muP, exp(lvP))) of one coordinate: log(sigmaP / sigmaQ) + (sigmaQ^2
     * + (muQ - muP)^2) / (2 sigmaP^2) - 1/2.
     */
    static double normalKl(double muQ, double lvQ, double muP, double lvP) {
        double sigmaQ = Math.exp(lvQ / 2);
        double sigmaP = Math.exp(lvP / 2);
        return Math.log(sigmaP / sigmaQ) + (sigmaQ * sigmaQ + (muQ - muP) * (muQ - muP)) / (2 * sigmaP * sigmaP) - 0.5;
    }

    /** log sigmoid(l) = log(1 / (1 + e^-l)), evaluated without overflow for any l. */
    static double logSigmoid(double l) {
        return l >= 0 ? -Math.log1p(Math.exp(-l)) : l - Math.log1p(Math.exp(l));
    }

    /** x log p + (1 - x) log(1 - p) with p = sigmoid(l). */
    static double bernoulliLogMass(double x, double l) {
        return x * logSigmoid(l) + (1 - x) * logSigmoid(-l);
    }

    /** The array's values as doubles, widened from float32 where needed. */
    static double[] doubles(NDArray array) {
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        float[] values = array.toFloatArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
