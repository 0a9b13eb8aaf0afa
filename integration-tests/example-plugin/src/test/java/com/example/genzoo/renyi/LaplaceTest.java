package com.example.genzoo.renyi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The Laplace distribution against its closed-form density and moments. */
final class LaplaceTest {

    @Test
    void logProbIsTheClosedFormSummedOverTheEvent() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] scales = {0.5f, 1f, 3f};
            float[] z = {0.2f, -1.5f, 4f, 0f, -0.01f, 2.5f};
            Laplace laplace = new Laplace(manager, manager.zeros(new Shape(3)), manager.create(scales), 1);
            float[] logProb = laplace.logProb(manager.create(z, new Shape(2, 3))).toFloatArray();
            for (int row = 0; row < 2; row++) {
                double expected = 0;
                for (int i = 0; i < 3; i++) {
                    double b = scales[i];
                    expected += -Math.abs(z[row * 3 + i]) / b - Math.log(2 * b);
                }
                assertThat((double) logProb[row]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    /** Locations and a batch: one Laplace(mu_b, b_b) per row, its density at |z - mu|. */
    @Test
    void aBatchOfLocatedLaplacesHasTheClosedFormDensity() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] loc = {1f, -2f, 0.5f, 0f};
            float[] scales = {0.5f, 2f, 1f, 3f};
            float[] z = {0.2f, -1.5f, 4f, 0f};
            Laplace laplace = new Laplace(
                    manager, manager.create(loc, new Shape(2, 2)), manager.create(scales, new Shape(2, 2)), 1);
            assertThat(laplace.batchShape()).isEqualTo(new Shape(2));
            assertThat(laplace.eventShape()).isEqualTo(new Shape(2));
            float[] logProb = laplace.logProb(manager.create(z, new Shape(2, 2))).toFloatArray();
            for (int row = 0; row < 2; row++) {
                double expected = 0;
                for (int i = 2 * row; i < 2 * row + 2; i++) {
                    expected += -Math.abs(z[i] - loc[i]) / scales[i] - Math.log(2 * scales[i]);
                }
                assertThat((double) logProb[row]).isCloseTo(expected, within(1e-5));
            }
            assertThat(laplace.mean().toFloatArray()).containsExactly(loc);
        }
    }

    /**
     * n draws of Laplace(0, b): E|z| = b with standard deviation b, so the mean of |z| has standard
     * error b / sqrt(n); Var z = 2 b^2 with fourth moment 24 b^4, so the sample variance has
     * standard error sqrt(20 / n) b^2. Both are checked to 5 standard errors, and the mean to 5 of
     * its own, sqrt(2 / n) b.
     */
    @Test
    void drawsHaveTheLaplaceMoments() {
        int n = 200_000;
        double b = 1.7;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Laplace laplace =
                    new Laplace(manager, manager.zeros(new Shape(1)), manager.create(new float[] {(float) b}), 1);
            float[] draws = laplace.sample(new Shape(n)).toFloatArray();
            assertThat(draws).hasSize(n);
            double mean = 0;
            double absolute = 0;
            double square = 0;
            for (float d : draws) {
                mean += d / (double) n;
                absolute += Math.abs(d) / n;
                square += (double) d * d / n;
            }
            assertThat(mean).isCloseTo(0, within(5 * Math.sqrt(2.0 / n) * b));
            assertThat(absolute).isCloseTo(b, within(5 * b / Math.sqrt(n)));
            assertThat(square - mean * mean).isCloseTo(2 * b * b, within(5 * Math.sqrt(20.0 / n) * b * b));
        }
    }

    @Test
    void drawsAreFiniteAndShapedSampleThenEvent() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Laplace laplace = new Laplace(manager, manager.zeros(new Shape(4)), manager.full(new Shape(4), 2f), 1);
            NDArray draws = laplace.rsample(new Shape(5, 3));
            assertThat(draws.getShape()).isEqualTo(new Shape(5, 3, 4));
            assertThat(draws.isInfinite().any().getBoolean()).isFalse();
            assertThat(laplace.logProb(draws).getShape()).isEqualTo(new Shape(5, 3));
            assertThat(laplace.batchShape()).isEqualTo(new Shape());
        }
    }
}
