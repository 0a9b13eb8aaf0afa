package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class TwoMoonsTest {
    private static final double SD = 0.05;
    private static float[] points;

    @BeforeAll
    static void load() {
        points = DataSources.load("moons").train().values();
    }

    /** E[cos a] and E[sin a] for a ~ U(0, pi), by the midpoint rule, not by the closed form. */
    private static double[] meanCosSin() {
        int steps = 100_000;
        double cos = 0;
        double sin = 0;
        for (int i = 0; i < steps; i++) {
            double a = (i + 0.5) * Math.PI / steps;
            cos += Math.cos(a) / steps;
            sin += Math.sin(a) / steps;
        }
        return new double[] {cos, sin};
    }

    /** Distance from p to the half circle of radius 1 around c on the side {@code up} says. */
    private static double toArc(double x, double y, double cx, double cy, boolean up) {
        double dx = x - cx;
        double dy = y - cy;
        if (up ? dy >= 0 : dy <= 0) {
            return Math.abs(Math.hypot(dx, dy) - 1);
        }
        return Math.min(Math.hypot(dx - 1, dy), Math.hypot(dx + 1, dy));
    }

    @Test
    void meanIsHalfOfEachMoonsMean() {
        double[] e = meanCosSin();
        // Upper (cos a, sin a), lower (1 - cos a, 0.5 - sin a), each with probability 1/2.
        double expectedX = 0.5 * e[0] + 0.5 * (1 - e[0]);
        double expectedY = 0.5 * e[1] + 0.5 * (0.5 - e[1]);
        int n = points.length / 2;
        double sumX = 0;
        double sumY = 0;
        double sumXX = 0;
        double sumYY = 0;
        for (int i = 0; i < n; i++) {
            sumX += points[2 * i];
            sumY += points[2 * i + 1];
            sumXX += points[2 * i] * points[2 * i];
            sumYY += points[2 * i + 1] * points[2 * i + 1];
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        // Five standard errors, from the sample's own spread.
        double errorX = 5 * Math.sqrt((sumXX / n - meanX * meanX) / n);
        double errorY = 5 * Math.sqrt((sumYY / n - meanY * meanY) / n);

        assertThat(expectedY).isCloseTo(0.25, Offset.offset(1e-6));
        assertThat(meanX).isCloseTo(expectedX, Offset.offset(errorX));
        assertThat(meanY).isCloseTo(expectedY, Offset.offset(errorY));
    }

    @Test
    void pointsLieInTheMoonsBox() {
        int outside = 0;
        for (int i = 0; i < points.length; i += 2) {
            boolean inX = points[i] >= -1 - 6 * SD && points[i] <= 2 + 6 * SD;
            boolean inY = points[i + 1] >= -0.5 - 6 * SD && points[i + 1] <= 1 + 6 * SD;
            outside += inX && inY ? 0 : 1;
        }
        assertThat(outside).isZero();
    }

    @Test
    void pointsLieNearOneOfTheTwoHalfCircles() {
        // Each coordinate's noise stays within 6 sd, so a point is within 6 sd * sqrt 2 of its arc.
        double reach = 6 * SD * Math.sqrt(2);
        int far = 0;
        int upper = 0;
        for (int i = 0; i < points.length; i += 2) {
            double up = toArc(points[i], points[i + 1], 0, 0, true);
            double down = toArc(points[i], points[i + 1], 1, 0.5, false);
            far += Math.min(up, down) <= reach ? 0 : 1;
            upper += up < down ? 1 : 0;
        }
        assertThat(far).isZero();
        // About half on each moon: 5 binomial standard deviations of 10,000 fair coins is 250.
        assertThat(upper).isBetween(5_000 - 250, 5_000 + 250);
    }
}
