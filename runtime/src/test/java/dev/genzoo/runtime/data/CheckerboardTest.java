package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CheckerboardTest {
    @Test
    void pointsFillTheEightDarkSquaresEvenly() {
        float[] points = DataSources.load("checkerboard").train().values();
        int n = points.length / 2;
        int[][] perSquare = new int[4][4];
        int offBoard = 0;
        for (int i = 0; i < n; i++) {
            double x = points[2 * i];
            double y = points[2 * i + 1];
            if (x < -2 || x >= 2 || y < -2 || y >= 2) {
                offBoard++;
                continue;
            }
            perSquare[(int) Math.floor(x) + 2][(int) Math.floor(y) + 2]++;
        }

        assertThat(offBoard).isZero();
        double spread = 5 * Math.sqrt(n * (1 / 8.0) * (7 / 8.0));
        for (int column = 0; column < 4; column++) {
            for (int row = 0; row < 4; row++) {
                // The corner square [-2, -1)^2 is dark, and so is every square of the same parity.
                boolean dark = (column + row) % 2 == 0;
                if (dark) {
                    assertThat((double) perSquare[column][row]).isBetween(n / 8.0 - spread, n / 8.0 + spread);
                } else {
                    assertThat(perSquare[column][row])
                            .as("points on a light square")
                            .isZero();
                }
            }
        }
    }

    @Test
    void pointsAreUniformWithinASquare() {
        // The offset inside a unit square has mean 1/2 and variance 1/12 in each coordinate.
        float[] points = DataSources.load("checkerboard").train().values();
        double sum = 0;
        for (float v : points) {
            sum += v - Math.floor(v);
        }
        double standardError = Math.sqrt(1 / 12.0 / points.length);

        assertThat(sum / points.length).isBetween(0.5 - 5 * standardError, 0.5 + 5 * standardError);
    }
}
