package dev.genzoo.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Cholesky factor's log-determinant and quadratic form against 2 x 2 formulas written out. */
final class CholeskyTest {

    @Test
    void twoByTwoMatchesTheClosedForms() {
        double p = 2.0;
        double q = 0.7;
        double r = 1.5;
        Cholesky factor = Cholesky.of(new double[][] {{p, q}, {q, r}});
        double determinant = p * r - q * q;
        assertThat(factor.logDeterminant()).isCloseTo(Math.log(determinant), within(1e-12));
        double u = 0.4;
        double v = -1.1;
        // (u, v) [[r, -q], [-q, p]] (u, v)^T / det
        double quadratic = (r * u * u - 2 * q * u * v + p * v * v) / determinant;
        assertThat(factor.mahalanobis(new double[] {u + 1, v - 2}, new double[] {1, -2}))
                .isCloseTo(quadratic, within(1e-12));
        assertThat(factor.gaussianLogDensity(new double[] {u, v}, new double[] {0, 0}))
                .isCloseTo(-Math.log(2 * Math.PI) - 0.5 * Math.log(determinant) - quadratic / 2, within(1e-12));
    }

    /** C = L L^T built from a known lower-triangular L: log det C = 2 sum log L_ii. */
    @Test
    void recoversTheDeterminantOfAKnownFactor() {
        double[][] l = {{1.5, 0, 0}, {-0.3, 0.8, 0}, {0.2, 0.9, 2.0}};
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += l[i][k] * l[j][k];
                }
            }
        }
        assertThat(Cholesky.of(c).logDeterminant())
                .isCloseTo(2 * (Math.log(1.5) + Math.log(0.8) + Math.log(2.0)), within(1e-12));
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThatThrownBy(() -> Cholesky.of(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite");
    }
}
