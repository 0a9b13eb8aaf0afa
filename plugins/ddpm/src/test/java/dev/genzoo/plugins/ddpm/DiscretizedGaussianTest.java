package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.distribution.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The discretized decoder against the Gaussian density integrated numerically over each bin
 * (Simpson's rule), and its masses summing to one over all L values.
 */
final class DiscretizedGaussianTest {

    @ParameterizedTest
    @ValueSource(ints = {256, 17, 2})
    void eachValueGetsTheGaussianMassOfItsBin(int levels) {
        double[][] gaussians = {{0.1, 0.05}, {-0.93, 0.2}, {0.99, 0.01}, {-0.4, 0.6}};
        double half = 1.0 / (levels - 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (double[] g : gaussians) {
                for (int k = 0; k < levels; k += Math.max(1, levels / 17)) {
                    double x = -1 + 2.0 * k / (levels - 1);
                    double low = k == 0 ? g[0] - 12 * g[1] : x - half;
                    double high = k == levels - 1 ? g[0] + 12 * g[1] : x + half;
                    double mass = simpson(g[0], g[1], Math.min(low, high), high);
                    double logProb = logProb(manager, (float) x, g, levels);
                    if (mass > 1e-9) {
                        assertThat(logProb)
                                .as("x=%f under N(%f, %f^2)", x, g[0], g[1])
                                .isCloseTo(Math.log(mass), within(2e-3 + 1e-4 * Math.abs(Math.log(mass))));
                    } else {
                        assertThat(logProb).isLessThan(Math.log(1e-8));
                    }
                }
            }
        }
    }

    @Test
    void theMassesOfAllValuesSumToOne() {
        int levels = 256;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (double[] g : new double[][] {{0.3, 0.02}, {-1.2, 0.5}, {0.0, 3.0}}) {
                double total = 0;
                for (int k = 0; k < levels; k++) {
                    total += Math.exp(logProb(manager, (float) (-1 + 2.0 * k / (levels - 1)), g, levels));
                }
                assertThat(total).as("N(%f, %f^2)", g[0], g[1]).isCloseTo(1, within(1e-4));
            }
        }
    }

    @Test
    void sumsOverTheEventAxes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray loc = manager.zeros(new Shape(3, 1, 2, 2));
            NDArray logVar = manager.full(new Shape(3, 1, 1, 1), (float) Math.log(0.01));
            DiscretizedGaussian p = new DiscretizedGaussian(Normal.ofLogVariance(loc, logVar, 3), 256);
            NDArray x = manager.zeros(new Shape(3, 1, 2, 2)).add(1f / 255);

            NDArray logProb = p.logProb(x);
            assertThat(logProb.getShape()).isEqualTo(new Shape(3));
            double one = Math.log(simpson(0, 0.1, 0, 2.0 / 255));
            assertThat((double) logProb.getFloat(0)).isCloseTo(4 * one, within(1e-3));
        }
    }

    /**
     * L_0 trains the last step's mean and variance: the gradient of log P(x) with respect to mu and
     * log sigma^2 matches central finite differences of the masses computed by Simpson's rule, at an
     * interior value, at both edge values and five standard deviations out (mass 7e-7). Where the
     * mass is floored (1e-12, as in Ho et al.'s code) the gradient is zero, as a clamp's is.
     */
    @Test
    void theGradientReachesTheMeanAndVariance() {
        int levels = 256;
        double half = 1.0 / (levels - 1);
        double[][] cases = {{0.1, 0.05, 0.1}, {-0.95, 0.1, -1}, {0.97, 0.05, 1}, {0.0, 0.02, 0.1}};
        try (NDManager manager = NDManager.newBaseManager()) {
            for (double[] c : cases) {
                NDArray loc = manager.create(new float[] {(float) c[0]});
                NDArray logVar = manager.create(new float[] {(float) Math.log(c[1] * c[1])});
                loc.setRequiresGradient(true);
                logVar.setRequiresGradient(true);
                try (ai.djl.training.GradientCollector collector =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray lp = new DiscretizedGaussian(Normal.ofLogVariance(loc, logVar, 1), levels)
                            .logProb(manager.create(new float[] {(float) c[2]}));
                    collector.backward(lp);
                }
                double x = c[2];
                double eps = 1e-4;
                java.util.function.BiFunction<Double, Double, Double> exact = (mu, lv) -> {
                    double sd = Math.exp(0.5 * lv);
                    double low = x <= -1 + half / 2 ? mu - 40 * sd : x - half;
                    double high = x >= 1 - half / 2 ? mu + 40 * sd : x + half;
                    return Math.log(simpson(mu, sd, low, high));
                };
                double lv = Math.log(c[1] * c[1]);
                double dMu = (exact.apply(c[0] + eps, lv) - exact.apply(c[0] - eps, lv)) / (2 * eps);
                double dLv = (exact.apply(c[0], lv + eps) - exact.apply(c[0], lv - eps)) / (2 * eps);
                assertThat((double) loc.getGradient().getFloat())
                        .as("d/dmu at x=%f under N(%f, %f^2)", x, c[0], c[1])
                        .isCloseTo(dMu, within(1e-2 * Math.max(1, Math.abs(dMu))));
                assertThat((double) logVar.getGradient().getFloat())
                        .as("d/dlog var at x=%f under N(%f, %f^2)", x, c[0], c[1])
                        .isCloseTo(dLv, within(1e-2 * Math.max(1, Math.abs(dLv))));
            }
        }
    }

    private static double logProb(NDManager manager, float x, double[] g, int levels) {
        NDArray loc = manager.create(new float[] {(float) g[0]});
        NDArray logVar = manager.create(new float[] {(float) Math.log(g[1] * g[1])});
        return new DiscretizedGaussian(Normal.ofLogVariance(loc, logVar, 1), levels)
                .logProb(manager.create(new float[] {x}))
                .getFloat();
    }

    /** The mass of N(mu, sd^2) over [a, b] by composite Simpson's rule with 20,000 panels. */
    private static double simpson(double mu, double sd, double a, double b) {
        int n = 20_000;
        double h = (b - a) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = a + i * h;
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * Math.exp(-0.5 * Math.pow((x - mu) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI));
        }
        return sum * h / 3;
    }
}
