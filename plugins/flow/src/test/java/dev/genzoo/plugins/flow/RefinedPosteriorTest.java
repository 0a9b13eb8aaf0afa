package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.StandardNormal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flow-refined posterior's draws and their log-density: for planar flows written out by hand
 * in doubles from the same noise (the engine is reseeded), for IAF against the base density minus
 * log|det J| of the flow's Jacobian by autograd.
 */
final class RefinedPosteriorTest {
    private static final int B = 5;
    private static final int LATENT = 3;
    private static final int SEED = 31;

    @Test
    void planarDrawsAndTheirDensityByHand() {
        try (Fixtures f = new Fixtures(1)) {
            Encoder encoder = f.create(
                    new RefinedGaussianEncoder.Factory(false),
                    Map.of("latent", "3", "hidden", "6", "flows", "3"),
                    BuildContext.of(f.manager, new Shape(4)));
            assertThat(encoder.kind()).isEqualTo(EncoderKind.DENSITY);
            f.perturb(encoder.parameters(), 1f);
            StepContext c = f.evaluation();
            RefinedPosterior q = posterior(f, encoder, c);

            f.manager.getEngine().setRandomSeed(SEED);
            Draw draw = q.rsampleWithLogProb(new Shape());
            f.manager.getEngine().setRandomSeed(SEED);
            float[] eps = f.manager.randomNormal(new Shape(B, LATENT)).toFloatArray();

            float[] mu = q.base().loc().toFloatArray();
            float[] logVar = q.base().logVariance().toFloatArray();
            float[] z = draw.value().toFloatArray();
            float[] logQ = draw.logProb().toFloatArray();
            for (int b = 0; b < B; b++) {
                double[] zz = new double[LATENT];
                double logDensity = 0;
                for (int j = 0; j < LATENT; j++) {
                    int at = b * LATENT + j;
                    zz[j] = mu[at] + Math.exp(logVar[at] / 2) * eps[at];
                    logDensity += -0.5 * (eps[at] * eps[at] + logVar[at] + Math.log(2 * Math.PI));
                }
                for (int k = 0; k < 3; k++) {
                    logDensity -= planarByHand(encoder, "planar" + k, zz);
                }
                for (int j = 0; j < LATENT; j++) {
                    assertThat((double) z[b * LATENT + j]).isCloseTo(zz[j], within(1e-4 * (1 + Math.abs(zz[j]))));
                }
                assertThat((double) logQ[b])
                        .as("log q(z_%d)", b)
                        .isCloseTo(logDensity, within(1e-4 * (1 + Math.abs(logDensity))));
            }
        }
    }

    @Test
    void iafDensityIsTheBaseDensityLessTheJacobiansLogDeterminant() {
        try (Fixtures f = new Fixtures(2)) {
            Encoder encoder = f.create(
                    new RefinedGaussianEncoder.Factory(true),
                    Map.of("latent", "3", "hidden", "6", "flows", "2", "flow-hidden", "7,7"),
                    BuildContext.of(f.manager, new Shape(4)));
            f.perturb(encoder.parameters(), 1f);
            StepContext c = f.evaluation();
            RefinedPosterior q = posterior(f, encoder, c);

            f.manager.getEngine().setRandomSeed(SEED);
            Draw draw = q.rsampleWithLogProb(new Shape());
            f.manager.getEngine().setRandomSeed(SEED);
            NDArray start = q.base().rsample(new Shape());
            float[] baseLogQ = q.base().logProb(start).toFloatArray();
            double[][][] jacobians =
                    Jacobians.of(rows -> q.flow().forward(rows, c).value(), start);

            float[] logQ = draw.logProb().toFloatArray();
            double spread = 0;
            for (int b = 0; b < B; b++) {
                double logDet = Jacobians.logAbsDeterminant(jacobians[b]);
                double expected = baseLogQ[b] - logDet;
                assertThat((double) logQ[b]).isCloseTo(expected, within(2e-4 * (1 + Math.abs(expected))));
                spread += Math.abs(logDet);
            }
            assertThat(spread).isGreaterThan(0.1);
            float[] z = draw.value().toFloatArray();
            float[] pushed = q.flow().forward(start, c).value().toFloatArray();
            for (int i = 0; i < z.length; i++) {
                assertThat(z[i]).isCloseTo(pushed[i], within(1e-5f));
            }
        }
    }

    @Test
    void samplesKeepTheirAxesAndOnlyOwnDrawsHaveADensity() {
        try (Fixtures f = new Fixtures(3)) {
            Encoder encoder = f.create(
                    new RefinedGaussianEncoder.Factory(true),
                    Map.of("latent", "3", "hidden", "6", "flows", "2"),
                    BuildContext.of(f.manager, new Shape(4)));
            StepContext c = f.evaluation();
            RefinedPosterior q = posterior(f, encoder, c);
            Draw draws = q.rsampleWithLogProb(new Shape(7));
            assertThat(draws.value().getShape()).isEqualTo(new Shape(7, B, LATENT));
            assertThat(draws.logProb().getShape()).isEqualTo(new Shape(7, B));
            assertThat(q.sample(new Shape(2)).getShape()).isEqualTo(new Shape(2, B, LATENT));
            assertThat(q.batchShape()).isEqualTo(new Shape(B));
            assertThat(q.eventShape()).isEqualTo(new Shape(LATENT));
            assertThat(q.mean().getShape()).isEqualTo(new Shape(B, LATENT));
            assertThat(q.klDivergence(new StandardNormal(f.manager, new Shape(LATENT))))
                    .isEmpty();
            assertThatThrownBy(() -> q.logProb(draws.value()))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("own draws");
        }
    }

    private static RefinedPosterior posterior(Fixtures f, Encoder encoder, StepContext c) {
        NDArray x = f.array(Fixtures.normalRows(B, 4, 3, 1.0), new Shape(B, 4));
        return (RefinedPosterior) ((Encoding.Density) encoder.encode(x, c)).posterior();
    }

    /** Applies one planar step to z in place and returns its log|det|, from u, w, b in doubles. */
    private static double planarByHand(Encoder encoder, String name, double[] z) {
        float[] u = encoder.parameters().get(name + ".u").getArray().toFloatArray();
        float[] w = encoder.parameters().get(name + ".w").getArray().toFloatArray();
        double b = encoder.parameters().get(name + ".b").getArray().toFloatArray()[0];
        double wu = 0;
        double ww = 0;
        double wz = b;
        for (int j = 0; j < z.length; j++) {
            wu += w[j] * u[j];
            ww += w[j] * w[j];
            wz += w[j] * z[j];
        }
        double m = -1 + Math.log1p(Math.exp(wu));
        double[] uHat = new double[z.length];
        double wuHat = 0;
        for (int j = 0; j < z.length; j++) {
            uHat[j] = u[j] + (m - wu) * w[j] / ww;
            wuHat += w[j] * uHat[j];
        }
        double h = Math.tanh(wz);
        for (int j = 0; j < z.length; j++) {
            z[j] += uHat[j] * h;
        }
        return Math.log(Math.abs(1 + (1 - h * h) * wuHat));
    }
}
