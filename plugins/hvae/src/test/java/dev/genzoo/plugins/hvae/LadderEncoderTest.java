package dev.genzoo.plugins.hvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.LayeredDistribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ladder's precision weighting against the product of two Gaussian densities written out in
 * doubles, and its posterior's draws against their own layer-by-layer density.
 */
final class LadderEncoderTest {

    /**
     * N(x; a) N(x; b) is proportional to N(x; c): the log-ratio log N(x; a) + log N(x; b) - log N(x;
     * c) is the same for every x.
     */
    /**
     * Log-variances of -100 and -95 (precisions beyond a float's range) still combine to the
     * closed form: log sigma^2 = -log(e^100 + e^95), the mean weighted 1 : e^-5 towards a; the
     * combination once divided inf by inf and made the ladder's loss NaN.
     */
    @Test
    void precisionWeightingStaysFiniteBeyondAFloatsPrecisions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Normal c = LadderEncoder.precisionWeighted(
                    Normal.ofLogVariance(manager.create(new float[] {2f}), manager.create(new float[] {-100f}), 1),
                    Normal.ofLogVariance(manager.create(new float[] {-1f}), manager.create(new float[] {-95f}), 1));
            double weight = 1 / (1 + Math.exp(-5));
            assertThat((double) c.loc().toFloatArray()[0]).isCloseTo(2 * weight - (1 - weight), within(1e-5));
            assertThat((double) c.logVariance().toFloatArray()[0])
                    .isCloseTo(-100 - Math.log1p(Math.exp(-5)), within(1e-4));
        }
    }

    @Test
    void precisionWeightingIsTheNormalizedProductOfTheDensities() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] muA = {0.3f, -1.0f};
            float[] lvA = {-0.5f, 0.7f};
            float[] muB = {1.1f, 0.4f};
            float[] lvB = {0.2f, -1.3f};
            Normal c = LadderEncoder.precisionWeighted(
                    Normal.ofLogVariance(manager.create(muA), manager.create(lvA), 1),
                    Normal.ofLogVariance(manager.create(muB), manager.create(lvB), 1));
            float[] mu = c.loc().toFloatArray();
            float[] lv = c.logVariance().toFloatArray();
            for (int d = 0; d < 2; d++) {
                double pa = Math.exp(-lvA[d]);
                double pb = Math.exp(-lvB[d]);
                assertThat((double) lv[d]).isCloseTo(-Math.log(pa + pb), within(1e-5));
                assertThat((double) mu[d]).isCloseTo((muA[d] * pa + muB[d] * pb) / (pa + pb), within(1e-5));
                double first = Double.NaN;
                for (double x : new double[] {-2, 0.1, 3}) {
                    double ratio = normal(x, muA[d], lvA[d]) + normal(x, muB[d], lvB[d]) - normal(x, mu[d], lv[d]);
                    if (Double.isNaN(first)) {
                        first = ratio;
                    }
                    assertThat(ratio).isCloseTo(first, within(1e-4));
                }
            }
        }
    }

    /** The draws of q(z3|x) q(z2|z3, x) q(z1|z2, x) come with their layers' log-densities. */
    @Test
    void aLadderPosteriorDrawsTopDownWithItsLayersDensities() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            LadderEncoder.Factory factory = new LadderEncoder.Factory();
            Encoder ladder = factory.create(
                    Options.resolve(
                            "ladder",
                            factory.options(),
                            Map.of("latents", "4,3,2", "hidden", "8", "layer-hidden", "5")),
                    BuildContext.of(manager, new Shape(6)));
            StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
            NDArray x = manager.randomUniform(0f, 1f, new Shape(5, 6));
            LayeredDistribution q = (LayeredDistribution) ((Encoding.Density) ladder.encode(x, context)).posterior();
            assertThat(q.layout()).isEqualTo(LatentLayout.layers(4, 3, 2));
            assertThat(q.batchShape()).isEqualTo(new Shape(5));
            Draw draw = q.rsampleWithLogProb(new Shape(7));
            assertThat(draw.value().getShape()).isEqualTo(new Shape(7, 5, 9));
            Map<String, NDArray> again = q.logProbPerBlock(draw.value());
            for (String layer : new String[] {"z1", "z2", "z3"}) {
                float[] a = draw.logProbPerBlock().get(layer).toFloatArray();
                float[] b = again.get(layer).toFloatArray();
                assertThat(a).hasSize(35);
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i]).as(layer).isCloseTo(b[i], within(1e-4f * (1 + Math.abs(b[i]))));
                }
            }
        }
    }

    private static double normal(double x, double mu, double logVar) {
        return -0.5 * (Math.log(2 * Math.PI) + logVar) - (x - mu) * (x - mu) / (2 * Math.exp(logVar));
    }
}
