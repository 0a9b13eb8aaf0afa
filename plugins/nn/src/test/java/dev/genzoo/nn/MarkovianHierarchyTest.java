package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stochastic layers against their factorization written out in doubles: a chain whose conditional
 * network is one linear map, so that mu(a) = a W + c and logvar(a) = a V + e can be recomputed from
 * its weights, and log q(z1, z2) = log N(z1; mu1, s1) + log N(z2; mu(z1), exp(logvar(z1))), term by
 * term; drawn from z1 up or from the top down.
 */
final class MarkovianHierarchyTest {
    private static final int LA = 2;
    private static final int LB = 3;
    private static final float[] OUTER_LOC = {0.4f, -0.9f, 1.2f, 0.1f};
    private static final float[] OUTER_LOGVAR = {-0.3f, 0.2f, -1.0f, 0.5f};

    private NDManager manager;
    private StepContext context;
    private GaussianMlp linear;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(4);
        manager = NDManager.newBaseManager();
        context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
        linear = new GaussianMlp(MultilayerPerceptron.sequential(manager, LA, List.of(), 2L * LB, "tanh"));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private MarkovianHierarchy posterior() {
        Normal outer = Normal.ofLogVariance(
                manager.create(OUTER_LOC, new Shape(2, LA)), manager.create(OUTER_LOGVAR, new Shape(2, LA)), 1);
        return MarkovianHierarchy.bottomUp(LatentLayout.layers(LA, LB), outer, List.of(a -> linear.apply(a, context)));
    }

    @Test
    void logProbIsTheSumOfTheTwoLayersDensities() {
        MarkovianHierarchy chain = posterior();
        assertThat(chain.batchShape()).isEqualTo(new Shape(2));
        assertThat(chain.eventShape()).isEqualTo(new Shape(LA + LB));
        NDArray value = manager.randomNormal(new Shape(3, 2, LA + LB));
        float[] v = value.toFloatArray();
        float[] got = chain.logProb(value).toFloatArray();
        Map<String, NDArray> terms = chain.logProbPerBlock(value);
        assertThat(terms.keySet()).containsExactly("z1", "z2");
        float[] z1 = terms.get("z1").toFloatArray();
        float[] w = linear.parameters().get("01Linear_weight").getArray().toFloatArray();
        float[] c = linear.parameters().get("01Linear_bias").getArray().toFloatArray();
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < 2; b++) {
                int at = (s * 2 + b) * (LA + LB);
                double expected = 0;
                for (int j = 0; j < LA; j++) {
                    expected += normal(v[at + j], OUTER_LOC[b * LA + j], OUTER_LOGVAR[b * LA + j]);
                }
                assertThat((double) z1[s * 2 + b]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
                for (int i = 0; i < LB; i++) {
                    // DJL's Linear weight is [out, in]: output i reads row i
                    double mu = c[i];
                    double logVar = c[LB + i];
                    for (int j = 0; j < LA; j++) {
                        mu += v[at + j] * w[i * LA + j];
                        logVar += v[at + j] * w[(LB + i) * LA + j];
                    }
                    expected += normal(v[at + LA + i], mu, logVar);
                }
                assertThat((double) got[s * 2 + b]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
            }
        }
    }

    /** The log-density a draw comes with, and each layer's term of it, is that of its value. */
    @Test
    void drawsComeWithTheirOwnLogDensityLayerByLayer() {
        MarkovianHierarchy chain = posterior();
        Draw draw = chain.rsampleWithLogProb(new Shape(4));
        assertThat(draw.value().getShape()).isEqualTo(new Shape(4, 2, LA + LB));
        assertClose(draw.logProb(), chain.logProb(draw.value()));
        Map<String, NDArray> recomputed = chain.logProbPerBlock(draw.value());
        assertThat(draw.logProbPerBlock().keySet()).containsExactly("z1", "z2");
        for (String layer : List.of("z1", "z2")) {
            assertClose(draw.logProbPerBlock().get(layer), recomputed.get(layer));
        }
        assertClose(recomputed.get("z1").add(recomputed.get("z2")), draw.logProb());
    }

    /** Three layers drawn top-down: z3 ~ N(0, I), z2 | z3, z1 | z2, placed z1 first. */
    @Test
    void threeLayersDrawnFromTheTopKeepTheirTermsInLayoutOrder() {
        GaussianMlp down = new GaussianMlp(MultilayerPerceptron.sequential(manager, LA, List.of(), 2L * LA, "tanh"));
        LatentLayout layout = LatentLayout.layers(LA, LA, LA);
        MarkovianHierarchy prior = MarkovianHierarchy.topDown(
                layout,
                new StandardNormal(manager, new Shape(LA)),
                List.of(a -> down.apply(a, context), a -> down.apply(a, context)));
        Draw draw = prior.rsampleWithLogProb(new Shape(5));
        assertThat(draw.value().getShape()).isEqualTo(new Shape(5, 3 * LA));
        assertThat(draw.logProbPerBlock().keySet()).containsExactly("z1", "z2", "z3");
        NDArray z3 = layout.slice(draw.value(), "z3");
        NDArray z2 = layout.slice(draw.value(), "z2");
        NDArray z1 = layout.slice(draw.value(), "z1");
        assertClose(draw.logProbPerBlock().get("z3"), new StandardNormal(manager, new Shape(LA)).logProb(z3));
        assertClose(draw.logProbPerBlock().get("z2"), down.apply(z3, context).logProb(z2));
        assertClose(draw.logProbPerBlock().get("z1"), down.apply(z2, context).logProb(z1));
        assertClose(prior.logProb(draw.value()), draw.logProb());
    }

    private static void assertClose(NDArray actual, NDArray expected) {
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(e[i], within(1e-4f * (1 + Math.abs(e[i]))));
        }
    }

    /** As a prior (z2 outer, placed second): z2 draws are N(0, 1) and z1 has the conditional's mean. */
    @Test
    void aPriorChainPutsZ2SecondAndDrawsItFromItsTop() {
        MarkovianHierarchy prior = MarkovianHierarchy.topDown(
                LatentLayout.layers(LB, LA),
                new StandardNormal(manager, new Shape(LA)),
                List.of(a -> linear.apply(a, context)));
        int n = 20_000;
        NDArray z = prior.sample(new Shape(n));
        assertThat(z.getShape()).isEqualTo(new Shape(n, LA + LB));
        float[] values = z.toFloatArray();
        for (int j = 0; j < LA; j++) {
            double mean = 0;
            double second = 0;
            for (int i = 0; i < n; i++) {
                double x = values[i * (LA + LB) + LB + j];
                mean += x / n;
                second += x * x / n;
            }
            assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(n)));
            assertThat(second).isCloseTo(1, within(5 * Math.sqrt(2.0 / n)));
        }
        float[] mean = prior.mean().toFloatArray();
        float[] c = linear.parameters().get("01Linear_bias").getArray().toFloatArray();
        for (int i = 0; i < LB; i++) {
            assertThat(mean[i]).isCloseTo(c[i], within(1e-6f));
        }
    }

    private static double normal(double x, double mu, double logVar) {
        double variance = Math.exp(logVar);
        return -0.5 * Math.log(2 * Math.PI * variance) - (x - mu) * (x - mu) / (2 * variance);
    }
}
