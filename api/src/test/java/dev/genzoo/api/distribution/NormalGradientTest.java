package dev.genzoo.api.distribution;

import static dev.genzoo.api.distribution.Reference.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gradients through {@link Normal}: the reparameterized draw carries d/d(loc) and d/d(logVar) (the
 * pathwise gradient of E[z^2], checked draw by draw and against its expectation), and the analytic
 * KL's autograd gradient equals a central finite difference computed in float64.
 */
final class NormalGradientTest {
    private static final Shape EVENT = new Shape(3);
    private static final double[] LOC = {0.7, -1.2, 0.1};
    private static final double[] LOG_VAR = {-0.4, 0.5, 0.0};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(2024);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray leaf(double[] values) {
        NDArray array = manager.create(values, new Shape(values.length));
        array.setRequiresGradient(true);
        return array;
    }

    /**
     * f(z) = sum(z^2) / n over n draws z = loc + exp(logVar / 2) eps. Per draw, df/dloc = 2 mean(z)
     * and df/dlogVar = mean(z (z - loc)); in expectation 2 loc and exp(logVar).
     */
    @Test
    void gradientsFlowThroughReparameterizedDraws() {
        int n = 50_000;
        NDArray loc = leaf(LOC);
        NDArray logVar = leaf(LOG_VAR);
        double[] z;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray draws = Normal.ofLogVariance(loc, logVar, 1).rsample(new Shape(n));
            z = doubles(draws);
            // A Java number in a product would be freed before backward; an engine constant is not.
            collector.backward(draws.square().sum().mul(manager.full(new Shape(), 1f / n, DataType.FLOAT64)));
        }
        double[] dLoc = doubles(loc.getGradient());
        double[] dLogVar = doubles(logVar.getGradient());

        for (int d = 0; d < 3; d++) {
            double sumZ = 0;
            double sumZc = 0;
            double sumZcSquared = 0;
            for (int s = 0; s < n; s++) {
                double value = z[3 * s + d];
                double zc = value * (value - LOC[d]);
                sumZ += value;
                sumZc += zc;
                sumZcSquared += zc * zc;
            }
            // The same draws, differentiated by hand.
            assertThat(dLoc[d]).isCloseTo(2 * sumZ / n, within(1e-4));
            assertThat(dLogVar[d]).isCloseTo(sumZc / n, within(1e-4));
            // And in expectation, within five standard errors.
            double sigma = Math.exp(LOG_VAR[d] / 2);
            assertThat(dLoc[d]).isCloseTo(2 * LOC[d], within(5 * 2 * sigma / Math.sqrt(n)));
            double meanZc = sumZc / n;
            double seZc = Math.sqrt((sumZcSquared / n - meanZc * meanZc) / n);
            assertThat(dLogVar[d]).isCloseTo(Math.exp(LOG_VAR[d]), within(5 * seZc));
        }
    }

    /**
     * Along the reparameterization path log q(loc + sigma eps) = -(eps^2 + logVar + log 2 pi) / 2,
     * so its total derivative is 0 in loc and -1/2 in logVar per draw, whichever way it is
     * computed.
     */
    @Test
    void logProbOfADrawHasThePathwiseGradient() {
        int n = 10;
        double[][] viaDraw =
                pathwiseGradients(n, q -> q.rsampleWithLogProb(new Shape(n)).logProb());
        double[][] viaValue = pathwiseGradients(n, q -> q.logProb(q.rsample(new Shape(n))));

        for (double[][] gradients : new double[][][] {viaDraw, viaValue}) {
            for (int d = 0; d < 3; d++) {
                assertThat(gradients[0][d]).isCloseTo(0, within(1e-9));
                assertThat(gradients[1][d]).isCloseTo(-0.5 * n, within(1e-9));
            }
        }
    }

    private double[][] pathwiseGradients(int n, Function<Normal, NDArray> logProb) {
        NDArray loc = leaf(LOC);
        NDArray logVar = leaf(LOG_VAR);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray values = logProb.apply(Normal.ofLogVariance(loc, logVar, 1));
            assertThat(values.getShape()).isEqualTo(new Shape(n));
            // loc.sum() * 0 keeps loc in the graph: the draw's log-density does not depend on
            // loc at all, and DJL stands in a float32 zeros array for an undefined gradient,
            // which a float64 leaf's toDoubleArray() refuses.
            collector.backward(values.sum().add(loc.sum().mul(manager.zeros(new Shape()))));
        }
        return new double[][] {doubles(loc.getGradient()), doubles(logVar.getGradient())};
    }

    @Test
    void klToNormalGradientMatchesCentralDifferences() {
        double[][] parameters = {{0.3, -0.8, 1.1}, {-0.6, 0.2, 0.9}, {0.1, 0.5, -0.4}, {0.4, -0.3, 0.2}};
        assertGradientMatchesFiniteDifferences(
                parameters,
                p -> Normal.ofLogVariance(p[0], p[1], 1)
                        .klDivergence(Normal.ofLogVariance(p[2], p[3], 1))
                        .orElseThrow());
    }

    @Test
    void klToStandardNormalGradientMatchesCentralDifferences() {
        double[][] parameters = {{0.3, -0.8, 1.1}, {-0.6, 0.2, 0.9}};
        assertGradientMatchesFiniteDifferences(
                parameters,
                p -> Normal.ofLogVariance(p[0], p[1], 1)
                        .klDivergence(new StandardNormal(manager, EVENT))
                        .orElseThrow());
    }

    @Test
    void standardNormalKlToNormalGradientMatchesCentralDifferences() {
        double[][] parameters = {{0.3, -0.8, 1.1}, {-0.6, 0.2, 0.9}};
        assertGradientMatchesFiniteDifferences(
                parameters,
                p -> new StandardNormal(manager, EVENT)
                        .klDivergence(Normal.ofLogVariance(p[0], p[1], 1))
                        .orElseThrow());
    }

    /**
     * Autograd of the scalar kl(parameters) against (f(p + h e_i) - f(p - h e_i)) / 2h, in float64.
     */
    private void assertGradientMatchesFiniteDifferences(double[][] parameters, Function<NDArray[], NDArray> kl) {
        NDArray[] leaves = new NDArray[parameters.length];
        for (int j = 0; j < parameters.length; j++) {
            leaves[j] = leaf(parameters[j]);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(kl.apply(leaves));
        }
        double h = 1e-5;
        for (int j = 0; j < parameters.length; j++) {
            double[] gradient = doubles(leaves[j].getGradient());
            for (int i = 0; i < parameters[j].length; i++) {
                double up = evaluate(parameters, j, i, h, kl);
                double down = evaluate(parameters, j, i, -h, kl);
                double difference = (up - down) / (2 * h);
                assertThat(gradient[i])
                        .as("d kl / d parameter %d[%d]", j, i)
                        .isCloseTo(difference, within(1e-6 * (1 + Math.abs(difference))));
            }
        }
        assertThat(doubles(leaves[0].getGradient())).isNotEqualTo(new double[3]);
    }

    private double evaluate(double[][] parameters, int j, int i, double step, Function<NDArray[], NDArray> kl) {
        NDArray[] arrays = new NDArray[parameters.length];
        for (int k = 0; k < parameters.length; k++) {
            double[] values = parameters[k].clone();
            if (k == j) {
                values[i] += step;
            }
            arrays[k] = manager.create(values, new Shape(values.length));
        }
        return kl.apply(arrays).getDouble();
    }
}
