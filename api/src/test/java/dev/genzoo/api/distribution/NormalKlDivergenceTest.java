package dev.genzoo.api.distribution;

import static dev.genzoo.api.distribution.Reference.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytic KL divergences of {@link Normal} and {@link StandardNormal} against the closed form
 * written out in doubles, and against Monte Carlo estimates E_q[log q(z) - log p(z)] whose
 * tolerance is five standard errors of the estimate.
 */
final class NormalKlDivergenceTest {
    private static final int DRAWS = 200_000;
    private static final Shape PARAMETERS = new Shape(2, 3);
    private static final float[] LOC_Q = {0.5f, -1.0f, 2.0f, -0.3f, 0.0f, 0.8f};
    private static final float[] LV_Q = {-0.5f, 0.3f, 1.0f, 0.2f, -1.2f, 0.0f};
    private static final float[] LOC_P = {0.2f, 0.1f, -0.5f, 0.0f, 0.4f, 1.0f};
    private static final float[] LV_P = {0.4f, -0.2f, 0.0f, 0.1f, 0.5f, -0.3f};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(1234);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Normal normal(float[] loc, float[] logVar) {
        return Normal.ofLogVariance(manager.create(loc, PARAMETERS), manager.create(logVar, PARAMETERS), 1);
    }

    @Test
    void klToStandardNormalAtHandPickedValues() {
        // mu = 1, var = 1: 0.5 * mu^2 = 0.5; mu = 0, var = 2: 0.5 * (2 - ln 2 - 1); both summed.
        Normal q = Normal.ofLogVariance(
                manager.create(new float[] {1f, 0f}), manager.create(new float[] {0f, (float) Math.log(2)}), 1);
        NDArray kl = q.klDivergence(new StandardNormal(manager, new Shape(2))).orElseThrow();

        assertThat(kl.getShape()).isEqualTo(new Shape());
        assertThat(doubles(kl)[0]).isCloseTo(0.5 + 0.5 * (1 - Math.log(2)), within(1e-6));
    }

    @Test
    void klToStandardNormalMatchesClosedFormPerBatchElement() {
        Normal q = normal(LOC_Q, LV_Q);
        NDArray kl = q.klDivergence(new StandardNormal(manager, new Shape(3))).orElseThrow();

        assertThat(kl.getShape()).isEqualTo(new Shape(2));
        double[] got = doubles(kl);
        for (int b = 0; b < 2; b++) {
            double expected = 0;
            for (int d = 0; d < 3; d++) {
                expected += Reference.normalKl(LOC_Q[3 * b + d], LV_Q[3 * b + d], 0, 0);
            }
            assertThat(got[b]).isCloseTo(expected, within(1e-5 * (1 + expected)));
        }
    }

    @Test
    void klToNormalMatchesClosedFormPerBatchElement() {
        NDArray kl = normal(LOC_Q, LV_Q).klDivergence(normal(LOC_P, LV_P)).orElseThrow();

        assertThat(kl.getShape()).isEqualTo(new Shape(2));
        double[] got = doubles(kl);
        for (int b = 0; b < 2; b++) {
            double expected = 0;
            for (int d = 0; d < 3; d++) {
                int i = 3 * b + d;
                expected += Reference.normalKl(LOC_Q[i], LV_Q[i], LOC_P[i], LV_P[i]);
            }
            assertThat(got[b]).isCloseTo(expected, within(1e-5 * (1 + expected)));
        }
    }

    @Test
    void klToStandardNormalMatchesMonteCarlo() {
        Normal q = normal(LOC_Q, LV_Q);
        StandardNormal p = new StandardNormal(manager, new Shape(3));

        assertMatchesMonteCarlo(q, p, q.klDivergence(p).orElseThrow(), new Shape(DRAWS));
    }

    @Test
    void klToNormalMatchesMonteCarlo() {
        Normal q = normal(LOC_Q, LV_Q);
        Normal p = normal(LOC_P, LV_P);

        assertMatchesMonteCarlo(q, p, q.klDivergence(p).orElseThrow(), new Shape(DRAWS));
    }

    @Test
    void standardNormalKlToNormalMatchesClosedFormAndMonteCarlo() {
        StandardNormal q = new StandardNormal(manager, new Shape(3));
        Normal p = normal(LOC_P, LV_P);
        NDArray kl = q.klDivergence(p).orElseThrow();

        assertThat(kl.getShape()).isEqualTo(new Shape(2));
        double[] got = doubles(kl);
        for (int b = 0; b < 2; b++) {
            double expected = 0;
            for (int d = 0; d < 3; d++) {
                expected += Reference.normalKl(0, 0, LOC_P[3 * b + d], LV_P[3 * b + d]);
            }
            assertThat(got[b]).isCloseTo(expected, within(1e-5 * (1 + expected)));
        }
        // q has no batch axes: draw [DRAWS, 1, 3] so that they broadcast against p's [2, 3].
        assertMatchesMonteCarlo(q, p, kl, new Shape(DRAWS, 1));
    }

    /**
     * A batch-less KL is a 0-dim array; a double constant (a 0-dim float64) would promote it to
     * float64, which getFloat() and float32 losses refuse.
     */
    @Test
    void batchlessKlKeepsTheParametersDataType() {
        Normal q = Normal.ofLogVariance(manager.create(LOC_P), manager.create(LV_P), 1);
        Normal p = Normal.ofLogVariance(manager.create(LOC_Q), manager.create(LV_Q), 1);
        StandardNormal standard = new StandardNormal(manager, new Shape(LOC_P.length));

        assertThat(q.klDivergence(p).orElseThrow().getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(q.klDivergence(standard).orElseThrow().getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(standard.klDivergence(q).orElseThrow().getDataType()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void klOfADistributionWithItselfIsZero() {
        Normal q = normal(LOC_Q, LV_Q);
        StandardNormal standard = new StandardNormal(manager, new Shape(3));

        for (double kl : doubles(q.klDivergence(q).orElseThrow())) {
            assertThat(kl).isCloseTo(0, within(1e-6));
        }
        assertThat(standard.klDivergence(standard).orElseThrow().getFloat()).isZero();
    }

    @Test
    void noClosedFormAgainstOtherFamiliesOrEventRanks() {
        Normal q = normal(LOC_Q, LV_Q);
        Bernoulli bernoulli = new Bernoulli(manager.zeros(PARAMETERS), 1);

        assertThat(q.klDivergence(bernoulli)).isEmpty();
        assertThat(q.klDivergence(new StandardNormal(manager, new Shape(2, 3)))).isEmpty();
        assertThat(Normal.ofLogVariance(q.loc(), q.logVariance(), 2).klDivergence(q))
                .isEmpty();
    }

    /**
     * KL(q || p) per batch element against the mean of log q(z) - log p(z) over z ~ q, drawn and
     * scored by the distributions themselves: the path {@code kl=monte-carlo} takes.
     */
    private void assertMatchesMonteCarlo(Distribution q, Distribution p, NDArray analytic, Shape sampleShape) {
        NDArray z = q.sample(sampleShape);
        double[] logRatio = doubles(q.logProb(z).sub(p.logProb(z)).broadcast(new Shape(DRAWS, 2)));
        double[] kl = doubles(analytic);
        for (int b = 0; b < 2; b++) {
            double sum = 0;
            double sumSquares = 0;
            for (int n = 0; n < DRAWS; n++) {
                double w = logRatio[2 * n + b];
                sum += w;
                sumSquares += w * w;
            }
            double mean = sum / DRAWS;
            double variance = (sumSquares - DRAWS * mean * mean) / (DRAWS - 1);
            double standardError = Math.sqrt(variance / DRAWS);
            assertThat(standardError).isPositive();
            assertThat(kl[b]).isCloseTo(mean, within(5 * standardError));
        }
    }
}
