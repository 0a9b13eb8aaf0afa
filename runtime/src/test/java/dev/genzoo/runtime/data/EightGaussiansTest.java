package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

final class EightGaussiansTest {
    @Test
    void pointsClusterAroundEightCentresOnTheCircleOfRadiusTwo() {
        float[] points = DataSources.load("eight-gaussians").train().values();
        double sd = 0.1;
        int n = points.length / 2;
        int[] perCentre = new int[8];
        int far = 0;
        double squaredResiduals = 0;
        for (int i = 0; i < n; i++) {
            double x = points[2 * i];
            double y = points[2 * i + 1];
            int nearest = 0;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 8; k++) {
                double angle = k * Math.PI / 4;
                double d = Math.hypot(x - 2 * Math.cos(angle), y - 2 * Math.sin(angle));
                if (d < best) {
                    best = d;
                    nearest = k;
                }
            }
            perCentre[nearest]++;
            far += best <= 6 * sd ? 0 : 1;
            squaredResiduals += best * best;
        }

        assertThat(far).as("points more than 6 sd from every centre").isZero();
        // Each centre has 1/8 of the points: 5 binomial standard deviations is about 165.
        double spread = 5 * Math.sqrt(n * (1 / 8.0) * (7 / 8.0));
        for (int count : perCentre) {
            assertThat((double) count).isBetween(n / 8.0 - spread, n / 8.0 + spread);
        }
        // E|r|^2 = 2 sd^2 for an isotropic Gaussian; the estimate from 10,000 points is within 5%.
        double sdEstimate = Math.sqrt(squaredResiduals / (2 * n));
        assertThat(sdEstimate).isCloseTo(sd, Percentage.withPercentage(5));
    }
}
