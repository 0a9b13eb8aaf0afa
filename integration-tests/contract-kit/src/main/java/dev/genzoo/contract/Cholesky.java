package dev.genzoo.contract;

/**
 * The Cholesky factor L of a symmetric positive definite matrix, C = L L^T, in doubles, and the
 * Gaussian log-density it gives: log N(x; m, C) = -(D log 2 pi + log det C + |L^-1 (x - m)|^2) / 2,
 * with log det C = 2 sum log L_ii (Golub and Van Loan 2013, algorithm 4.2.2). For the small
 * matrices of the kit's exact models.
 */
public final class Cholesky {
    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factors a symmetric positive definite matrix.
     *
     * @param matrix C, n x n, symmetric (only its lower triangle is read)
     * @return the factor
     * @throws IllegalArgumentException if C is not positive definite
     */
    public static Cholesky of(double[][] matrix) {
        int n = matrix.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double diagonal = matrix[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j][k] * l[j][k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalArgumentException("the matrix is not positive definite (pivot " + j + ")");
            }
            l[j][j] = Math.sqrt(diagonal);
            for (int i = j + 1; i < n; i++) {
                double sum = matrix[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = sum / l[j][j];
            }
        }
        return new Cholesky(l);
    }

    /**
     * log det C.
     *
     * @return 2 sum log L_ii
     */
    public double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2 * sum;
    }

    /**
     * (x - m)^T C^-1 (x - m), by forward substitution L y = x - m.
     *
     * @param x a point
     * @param mean m
     * @return the squared Mahalanobis distance
     */
    public double mahalanobis(double[] x, double[] mean) {
        int n = lower.length;
        double[] y = new double[n];
        double squared = 0;
        for (int i = 0; i < n; i++) {
            double v = x[i] - mean[i];
            for (int k = 0; k < i; k++) {
                v -= lower[i][k] * y[k];
            }
            y[i] = v / lower[i][i];
            squared += y[i] * y[i];
        }
        return squared;
    }

    /**
     * log N(x; m, C).
     *
     * @param x a point
     * @param mean m
     * @return the log-density
     */
    public double gaussianLogDensity(double[] x, double[] mean) {
        return -0.5 * (lower.length * Math.log(2 * Math.PI) + logDeterminant() + mahalanobis(x, mean));
    }
}
