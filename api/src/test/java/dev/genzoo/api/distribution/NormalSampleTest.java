package dev.genzoo.api.distribution;

import static dev.genzoo.api.distribution.Reference.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Draws of {@link Normal} and {@link StandardNormal}: shapes as torch.distributions defines them,
 * the first two moments within five standard errors, and {@link Normal#rsampleWithLogProb}'s
 * log-density equal to {@link Normal#logProb} of the same draws.
 */
final class NormalSampleTest {
    private static final int DRAWS = 100_000;
    private static final float[] LOC = {0.5f, -1.0f, 2.0f, -0.3f, 0.0f, 3.0f};
    private static final float[] LOG_VAR = {-0.5f, 0.3f, 1.0f, 0.2f, -2.0f, 0.0f};

    private NDManager manager;
    private Normal normal;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(99);
        normal =
                Normal.ofLogVariance(manager.create(LOC, new Shape(2, 3)), manager.create(LOG_VAR, new Shape(2, 3)), 1);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void shapesAreSampleThenBatchThenEvent() {
        assertThat(normal.batchShape()).isEqualTo(new Shape(2));
        assertThat(normal.eventShape()).isEqualTo(new Shape(3));
        assertThat(normal.hasRsample()).isTrue();
        assertThat(normal.rsample(new Shape(5, 4)).getShape()).isEqualTo(new Shape(5, 4, 2, 3));
        assertThat(normal.sample(new Shape(7)).getShape()).isEqualTo(new Shape(7, 2, 3));
        assertThat(normal.sample().getShape()).isEqualTo(new Shape(2, 3));
        Draw draw = normal.rsampleWithLogProb(new Shape(5));
        assertThat(draw.value().getShape()).isEqualTo(new Shape(5, 2, 3));
        assertThat(draw.logProb().getShape()).isEqualTo(new Shape(5, 2));
        StandardNormal standard = new StandardNormal(manager, new Shape(3, 2));
        assertThat(standard.sample(new Shape(4)).getShape()).isEqualTo(new Shape(4, 3, 2));
        assertThat(standard.rsample(new Shape()).getShape()).isEqualTo(new Shape(3, 2));
    }

    @Test
    void reparameterizedDrawsHaveTheLocationAsMeanAndExpLogVarianceAsVariance() {
        double[] z = doubles(normal.rsample(new Shape(DRAWS)));

        for (int i = 0; i < 6; i++) {
            assertMoments(z, i, 6, LOC[i], Math.exp(LOG_VAR[i]));
        }
    }

    @Test
    void standardNormalDrawsHaveZeroMeanAndUnitVariance() {
        double[] z = doubles(new StandardNormal(manager, new Shape(2)).sample(new Shape(DRAWS)));

        assertMoments(z, 0, 2, 0, 1);
        assertMoments(z, 1, 2, 0, 1);
    }

    @Test
    void drawsAreNotOneFixedNoiseRepeated() {
        double[] z = doubles(normal.rsample(new Shape(2)));

        assertThat(z[0]).isNotEqualTo(z[6]);
    }

    @Test
    void logProbOfADrawEqualsLogProbOfItsValue() {
        Draw draw = normal.rsampleWithLogProb(new Shape(1000));

        double[] fromNoise = doubles(draw.logProb());
        double[] fromValue = doubles(normal.logProb(draw.value()));
        assertThat(fromNoise).hasSameSizeAs(fromValue);
        for (int i = 0; i < fromNoise.length; i++) {
            assertThat(fromNoise[i]).isCloseTo(fromValue[i], within(1e-5 * (1 + Math.abs(fromValue[i]))));
        }
    }

    @Test
    void defaultRsampleWithLogProbScoresTheDrawItReturns() {
        StandardNormal standard = new StandardNormal(manager, new Shape(3));

        Draw draw = standard.rsampleWithLogProb(new Shape(10));

        assertThat(draw.value().getShape()).isEqualTo(new Shape(10, 3));
        assertThat(draw.logProb().toFloatArray())
                .containsExactly(standard.logProb(draw.value()).toFloatArray());
    }

    /**
     * Checks coordinate {@code i} of draws laid out with {@code stride} values per draw: the mean
     * within five standard errors sigma / sqrt(n), the variance within five standard errors sigma^2
     * sqrt(2 / (n - 1)) (the Gaussian's, whose fourth central moment is 3 sigma^4).
     */
    private static void assertMoments(double[] z, int i, int stride, double mean, double variance) {
        int n = z.length / stride;
        double sum = 0;
        for (int s = 0; s < n; s++) {
            sum += z[s * stride + i];
        }
        double sampleMean = sum / n;
        double squares = 0;
        for (int s = 0; s < n; s++) {
            double d = z[s * stride + i] - sampleMean;
            squares += d * d;
        }
        double sampleVariance = squares / (n - 1);

        assertThat(sampleMean).isCloseTo(mean, within(5 * Math.sqrt(variance / n)));
        assertThat(sampleVariance).isCloseTo(variance, within(5 * variance * Math.sqrt(2.0 / (n - 1))));
    }
}
