package dev.genzoo.api.distribution;

import static dev.genzoo.api.distribution.Reference.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Bernoulli} against x log p + (1 - x) log(1 - p) in doubles, including logits of +-30 where
 * p rounds to 1 or 0 in float32 and the naive formula gives -infinity; its mean against the
 * sigmoid; and its sampling frequencies within five standard errors of p.
 */
final class BernoulliTest {
    private static final float[] LOGITS = {-30f, -5f, -0.3f, 0f, 0.7f, 4f, 30f};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(5);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void logMassMatchesTheDefinitionForEveryLogitAndOutcome() {
        int n = LOGITS.length;
        float[] logits = new float[2 * n];
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            logits[i] = LOGITS[i];
            logits[n + i] = LOGITS[i];
            x[i] = 0f;
            x[n + i] = 1f;
        }
        Bernoulli bernoulli = new Bernoulli(manager.create(logits, new Shape(2, n)), 0);

        double[] got = doubles(bernoulli.logProb(manager.create(x, new Shape(2, n))));

        for (int i = 0; i < 2 * n; i++) {
            double expected = Reference.bernoulliLogMass(x[i], logits[i]);
            assertThat(got[i])
                    .as("log p(x=%s | logit=%s)", x[i], logits[i])
                    .isFinite()
                    .isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
        }
    }

    @Test
    void naiveFormulaWouldFailAtLargeLogits() {
        // The reason the stable form matters: in float32 sigmoid(30) is exactly 1.
        float p = (float) (1 / (1 + Math.exp(-30)));
        assertThat(p).isEqualTo(1f);
        assertThat(Math.log(1 - p)).isInfinite();
    }

    @Test
    void sumsOverEventAxesAndBroadcastsLeadingAxes() {
        float[] logits = {-1f, 0.5f, 2f, 0.1f, -0.4f, 1.3f};
        float[] x = {1f, 0f, 1f, 1f, 1f, 0f, 0f, 0f, 1f, 0f, 1f, 1f};
        Bernoulli bernoulli = new Bernoulli(manager.create(logits, new Shape(2, 3)), 1);

        NDArray logProb = bernoulli.logProb(manager.create(x, new Shape(2, 2, 3)));

        assertThat(bernoulli.batchShape()).isEqualTo(new Shape(2));
        assertThat(bernoulli.eventShape()).isEqualTo(new Shape(3));
        assertThat(logProb.getShape()).isEqualTo(new Shape(2, 2));
        double[] got = doubles(logProb);
        for (int s = 0; s < 2; s++) {
            for (int b = 0; b < 2; b++) {
                double expected = 0;
                for (int d = 0; d < 3; d++) {
                    expected += Reference.bernoulliLogMass(x[6 * s + 3 * b + d], logits[3 * b + d]);
                }
                assertThat(got[2 * s + b]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void meanIsTheSigmoidOfTheLogits() {
        Bernoulli bernoulli = new Bernoulli(manager.create(LOGITS), 1);

        double[] mean = doubles(bernoulli.mean());

        for (int i = 0; i < LOGITS.length; i++) {
            assertThat(mean[i]).isCloseTo(1 / (1 + Math.exp(-LOGITS[i])), within(1e-7));
        }
    }

    @Test
    void sampleFrequenciesMatchTheProbabilities() {
        int draws = 40_000;
        double[] p = {0.03, 0.2, 0.5, 0.9};
        float[] logits = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            logits[i] = (float) Math.log(p[i] / (1 - p[i]));
        }
        Bernoulli bernoulli = new Bernoulli(manager.create(logits), 0);

        NDArray samples = bernoulli.sample(new Shape(draws));

        assertThat(samples.getShape()).isEqualTo(new Shape(draws, p.length));
        double[] x = doubles(samples);
        for (int i = 0; i < p.length; i++) {
            int ones = 0;
            for (int s = 0; s < draws; s++) {
                double v = x[s * p.length + i];
                assertThat(v).isIn(0.0, 1.0);
                ones += (int) v;
            }
            double standardError = Math.sqrt(p[i] * (1 - p[i]) / draws);
            assertThat((double) ones / draws).isCloseTo(p[i], within(5 * standardError));
        }
    }
}
