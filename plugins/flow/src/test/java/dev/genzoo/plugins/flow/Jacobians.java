package dev.genzoo.plugins.flow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/**
 * Jacobians of maps over rows [N, D] by autograd, one output coordinate at a time, and log|det|
 * of small matrices by LU decomposition in doubles: an independent check of every log-determinant
 * a flow step claims.
 */
final class Jacobians {
    private Jacobians() {}

    /**
     * J[n][i][j] = d f(x)_{n,i} / d x_{n,j}, for a map that treats rows independently.
     *
     * @param f the map, rows [N, D] to rows [N, D]
     * @param x the point, rows [N, D]
     * @return N Jacobians of D x D
     */
    static double[][][] of(Function<NDArray, NDArray> f, NDArray x) {
        int n = (int) x.getShape().get(0);
        int d = (int) x.getShape().get(1);
        double[][][] jacobian = new double[n][d][d];
        for (int i = 0; i < d; i++) {
            NDArray leaf = x.duplicate();
            leaf.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(leaf);
                collector.backward(y.get(new NDIndex(":, {}", i)).sum());
            }
            float[] row = leaf.getGradient().toFloatArray();
            for (int m = 0; m < n; m++) {
                for (int j = 0; j < d; j++) {
                    jacobian[m][i][j] = row[m * d + j];
                }
            }
        }
        return jacobian;
    }

    /** log|det A| by LU decomposition with partial pivoting. */
    static double logAbsDeterminant(double[][] matrix) {
        int d = matrix.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = matrix[i].clone();
        }
        double logDet = 0;
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int row = col + 1; row < d; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double p = a[col][col];
            logDet += Math.log(Math.abs(p));
            for (int row = col + 1; row < d; row++) {
                double factor = a[row][col] / p;
                for (int k = col; k < d; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        return logDet;
    }
}
