package dev.genzoo.api.distribution;

import static dev.genzoo.api.distribution.Reference.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DiscretizedLogistic} against the definition in doubles: each level's mass is the logistic
 * CDF's rise over its bin on the [-1, 1] scale, the edge bins reaching to -inf and +inf. The masses
 * of all K levels sum to 1; the log-masses match the definition at interior and edge levels, also
 * far in a tail; autograd's gradients with respect to mu and log s match central finite differences
 * of the definition; draws fall on the levels with the masses' frequencies; and the mean is within
 * half a bin of the exact one.
 */
final class DiscretizedLogisticTest {
    private static final int BYTE_LEVELS = 256;

    /** (mu, log s) pairs: centred, near an edge, sharp, broad, beyond the range. */
    private static final double[][] PARAMETERS = {{0.0, 0.0}, {0.8, -2.0}, {-0.3, -5.0}, {0.1, 1.5}, {-1.4, -1.0}};

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

    /** F(t) = 1 / (1 + exp(-(t - mu) / s)). */
    private static double cdf(double t, double mu, double logS) {
        return 1 / (1 + Math.exp(-(t - mu) / Math.exp(logS)));
    }

    /** P(x = k / (K - 1)) from the definition, in doubles. */
    static double mass(int k, int levels, double mu, double logS) {
        double y = 2.0 * k / (levels - 1) - 1;
        double half = 1.0 / (levels - 1);
        double upper = k == levels - 1 ? 1 : cdf(y + half, mu, logS);
        double lower = k == 0 ? 0 : cdf(y - half, mu, logS);
        return upper - lower;
    }

    /** The model's log P(x) of every level, each pixel one level, one distribution shared. */
    private double[] logMasses(int levels, double mu, double logS) {
        float[] values = new float[levels];
        for (int k = 0; k < levels; k++) {
            values[k] = (float) k / (levels - 1);
        }
        NDArray x = manager.create(values, new Shape(levels, 1));
        DiscretizedLogistic d = new DiscretizedLogistic(
                manager.full(new Shape(1), (float) mu), manager.full(new Shape(1), (float) logS), levels, 1);
        return doubles(d.logProb(x));
    }

    @Test
    void theMassesOfAllLevelsSumToOne() {
        for (int levels : new int[] {2, 17, BYTE_LEVELS}) {
            for (double[] p : PARAMETERS) {
                double total = 0;
                for (double logMass : logMasses(levels, p[0], p[1])) {
                    total += Math.exp(logMass);
                }
                assertThat(total)
                        .as("K = %d, mu = %s, log s = %s", levels, p[0], p[1])
                        .isCloseTo(1, within(1e-5));
            }
        }
    }

    @Test
    void logMassesMatchTheDefinitionAtInteriorAndEdgeLevels() {
        for (double[] p : PARAMETERS) {
            double[] model = logMasses(BYTE_LEVELS, p[0], p[1]);
            for (int k : new int[] {0, 1, 100, 127, 128, 200, 254, 255}) {
                double exact = mass(k, BYTE_LEVELS, p[0], p[1]);
                if (exact < 1e-9) {
                    continue; // below the reach of a difference of doubles; the tail test covers it
                }
                assertThat(model[k])
                        .as("level %d, mu = %s, log s = %s", k, p[0], p[1])
                        .isCloseTo(Math.log(exact), within(2e-4 + 1e-5 * Math.abs(Math.log(exact))));
            }
        }
    }

    /**
     * Far in a tail the difference of sigmoids underflows even in doubles, but the edge levels are
     * one sigmoid each: log sigmoid(a) at the first and log sigmoid(-b) at the last.
     */
    @Test
    void edgeLevelsKeepTheirMassFarInTheTail() {
        double mu = 0.9;
        double logS = Math.log(0.01);
        double[] model = logMasses(BYTE_LEVELS, mu, logS);
        double half = 1.0 / (BYTE_LEVELS - 1);
        double a = (-1 + half - mu) / Math.exp(logS);
        assertThat(model[0]).isCloseTo(Reference.logSigmoid(a), within(1e-3 * Math.abs(a)));
        double[] low = logMasses(BYTE_LEVELS, -mu, logS);
        double b = (1 - half + mu) / Math.exp(logS);
        assertThat(low[BYTE_LEVELS - 1]).isCloseTo(Reference.logSigmoid(-b), within(1e-3 * Math.abs(b)));
        for (double value : model) {
            assertThat(value).isFinite();
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheDefinition() {
        int[] levelsChecked = {0, 90, 128, 131, 255};
        for (double[] p : new double[][] {{0.0, -1.0}, {0.02, -3.0}, {-0.7, -0.5}, {0.95, -2.5}}) {
            for (int k : levelsChecked) {
                double exact = mass(k, BYTE_LEVELS, p[0], p[1]);
                if (exact < 1e-6) {
                    continue;
                }
                // Fresh leaves for each level: gradients accumulate.
                NDArray mu = manager.full(new Shape(1), (float) p[0]);
                NDArray logS = manager.full(new Shape(1), (float) p[1]);
                mu.setRequiresGradient(true);
                logS.setRequiresGradient(true);
                NDArray x = manager.full(new Shape(1), (float) k / (BYTE_LEVELS - 1));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(new DiscretizedLogistic(mu, logS, BYTE_LEVELS, 1).logProb(x));
                }
                double step = 1e-5;
                double dMu = (Math.log(mass(k, BYTE_LEVELS, p[0] + step, p[1]))
                                - Math.log(mass(k, BYTE_LEVELS, p[0] - step, p[1])))
                        / (2 * step);
                double dLogS = (Math.log(mass(k, BYTE_LEVELS, p[0], p[1] + step))
                                - Math.log(mass(k, BYTE_LEVELS, p[0], p[1] - step)))
                        / (2 * step);
                String at = String.format("level %d at mu = %s, log s = %s", k, p[0], p[1]);
                assertThat(doubles(mu.getGradient())[0]).as(at).isCloseTo(dMu, within(2e-3 * (1 + Math.abs(dMu))));
                assertThat(doubles(logS.getGradient())[0])
                        .as(at)
                        .isCloseTo(dLogS, within(2e-3 * (1 + Math.abs(dLogS))));
            }
        }
    }

    @Test
    void drawsFallOnTheLevelsWithTheirMasses() {
        int levels = 8;
        double mu = 0.1;
        double logS = Math.log(0.3);
        int n = 40_000;
        DiscretizedLogistic d = new DiscretizedLogistic(
                manager.full(new Shape(1), (float) mu), manager.full(new Shape(1), (float) logS), levels, 1);
        double[] draws = doubles(d.sample(new Shape(n)));
        int[] counts = new int[levels];
        for (double value : draws) {
            double k = value * (levels - 1);
            assertThat(k).isCloseTo(Math.rint(k), within(1e-5));
            counts[(int) Math.rint(k)]++;
        }
        for (int k = 0; k < levels; k++) {
            double p = mass(k, levels, mu, logS);
            double error = Math.sqrt(p * (1 - p) / n);
            assertThat((double) counts[k] / n).as("level %d", k).isCloseTo(p, within(5 * error + 1e-4));
        }
    }

    @Test
    void theMeanIsWithinHalfABinOfTheExactOne() {
        for (int levels : new int[] {2, 17, BYTE_LEVELS}) {
            for (double[] p : PARAMETERS) {
                double exact = 0;
                for (int k = 0; k < levels; k++) {
                    exact += mass(k, levels, p[0], p[1]) * k / (levels - 1);
                }
                DiscretizedLogistic d = new DiscretizedLogistic(
                        manager.full(new Shape(1), (float) p[0]), manager.full(new Shape(1), (float) p[1]), levels, 1);
                assertThat(doubles(d.mean())[0])
                        .as("K = %d, mu = %s, log s = %s", levels, p[0], p[1])
                        .isCloseTo(exact, within(0.5 / (levels - 1) + 1e-5));
            }
        }
    }
}
