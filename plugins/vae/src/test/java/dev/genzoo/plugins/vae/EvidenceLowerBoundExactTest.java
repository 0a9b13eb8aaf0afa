package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Bernoulli;
import dev.genzoo.api.distribution.Normal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code elbo} recomputed by hand: the engine is reseeded so that the test's own draw z ~
 * q(z|x) is the objective's, then log p(x|z) and KL(q || N(0, I)) are written out in doubles from
 * the encoder's posterior parameters and the decoder's outputs, and compared to the objective's
 * per-example bound, terms and loss.
 */
final class EvidenceLowerBoundExactTest {
    private static final int B = 5;
    private static final int SEED = 77;

    @Test
    void bernoulliDecoder() {
        try (TinyVae vae = TinyVae.bernoulli(11);
                NDManager scope = vae.manager.newSubManager()) {
            float[] x = TinyVae.binaryBatch(B);
            StepContext context = vae.evaluation(scope);

            Engine.getInstance().setRandomSeed(SEED);
            ObjectiveValue value =
                    vae.elbo(Map.of("kl", "analytic")).evaluate(TinyVae.images(scope, x), vae.model, context);

            Engine.getInstance().setRandomSeed(SEED);
            Normal posterior = posterior(vae, TinyVae.images(scope, x), context);
            NDArray z = posterior.rsample(new Shape());
            Bernoulli likelihood = (Bernoulli) vae.decoder.decode(z, context);
            float[] logits = likelihood.logits().toFloatArray();

            double[] reconstruction = new double[B];
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < TinyVae.PIXELS; i++) {
                    double l = logits[b * TinyVae.PIXELS + i];
                    double xi = x[b * TinyVae.PIXELS + i];
                    // x log sigmoid(l) + (1 - x) log sigmoid(-l), safe for any l.
                    reconstruction[b] += xi * logSigmoid(l) + (1 - xi) * logSigmoid(-l);
                }
            }
            assertMatches(value, reconstruction, klToStandardNormal(posterior));
        }
    }

    @Test
    void gaussianDecoderWithFixedVariance() {
        double sigma = 0.3;
        try (TinyVae vae = TinyVae.gaussian(12, Map.of("sigma", String.valueOf(sigma)));
                NDManager scope = vae.manager.newSubManager()) {
            float[] x = TinyVae.realBatch(B);
            StepContext context = vae.evaluation(scope);

            Engine.getInstance().setRandomSeed(SEED);
            ObjectiveValue value =
                    vae.elbo(Map.of("kl", "analytic")).evaluate(TinyVae.images(scope, x), vae.model, context);

            Engine.getInstance().setRandomSeed(SEED);
            Normal posterior = posterior(vae, TinyVae.images(scope, x), context);
            NDArray z = posterior.rsample(new Shape());
            float[] mean = vae.decoder.decode(z, context).mean().toFloatArray();

            double[] reconstruction = new double[B];
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < TinyVae.PIXELS; i++) {
                    double r = x[b * TinyVae.PIXELS + i] - mean[b * TinyVae.PIXELS + i];
                    reconstruction[b] += -r * r / (2 * sigma * sigma) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
                }
            }
            assertMatches(value, reconstruction, klToStandardNormal(posterior));
        }
    }

    private static Normal posterior(TinyVae vae, NDArray x, StepContext context) {
        return (Normal) ((Encoding.Density) vae.encoder.encode(x, context)).posterior();
    }

    /** KL(N(mu, e^lv) || N(0, 1)) summed over the latent: 0.5 * sum(mu^2 + e^lv - lv - 1). */
    private static double[] klToStandardNormal(Normal posterior) {
        float[] mu = posterior.loc().toFloatArray();
        float[] logVar = posterior.logVariance().toFloatArray();
        double[] kl = new double[B];
        for (int b = 0; b < B; b++) {
            for (int d = 0; d < TinyVae.LATENT; d++) {
                double m = mu[b * TinyVae.LATENT + d];
                double lv = logVar[b * TinyVae.LATENT + d];
                kl[b] += 0.5 * (m * m + Math.exp(lv) - lv - 1);
            }
        }
        return kl;
    }

    private static void assertMatches(ObjectiveValue value, double[] reconstruction, double[] kl) {
        float[] bound = value.bound().orElseThrow().toFloatArray();
        double meanReconstruction = 0;
        double meanKl = 0;
        for (int b = 0; b < B; b++) {
            double elbo = reconstruction[b] - kl[b];
            assertThat((double) bound[b]).as("bound of example %d", b).isCloseTo(elbo, within(1e-4 * Math.abs(elbo)));
            meanReconstruction += reconstruction[b] / B;
            meanKl += kl[b] / B;
        }
        assertThat(meanKl).isPositive();
        assertThat((double) value.terms().get("reconstruction").getFloat())
                .isCloseTo(-meanReconstruction, within(1e-4 * Math.abs(meanReconstruction)));
        assertThat((double) value.terms().get("kl").getFloat()).isCloseTo(meanKl, within(1e-4 * meanKl));
        double loss = meanKl - meanReconstruction;
        assertThat((double) value.loss().getFloat()).isCloseTo(loss, within(1e-4 * Math.abs(loss)));
    }

    private static double logSigmoid(double l) {
        return l >= 0 ? -Math.log1p(Math.exp(-l)) : l - Math.log1p(Math.exp(l));
    }
}
