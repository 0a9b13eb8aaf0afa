package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.distribution.Bernoulli;
import dev.genzoo.api.distribution.StandardNormal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code vq} objective's numbers against computations by hand from the same forward pass: the
 * Bernoulli log-likelihood of x at the decoder's logits for z_q, the mean squared distance between
 * z_e and z_q, the uniform prior's KL h*w*log K, the bound, the perplexity and number of codes of
 * the batch's histogram; the loss as their weighted sum, with and without the codebook term; and
 * the sentences that refuse a prior over vectors or a codebook trained two ways.
 */
final class VectorQuantizationLossTest {
    private static final int B = 6;

    @Test
    void everyTermMatchesItsHandComputation() {
        assertTerms(Map.of("beta", "0.4"), true);
    }

    @Test
    void withMovingAveragesTheCodebookTermIsLeftOut() {
        assertTerms(Map.of("beta", "0.3", "codebook", "ema"), false);
    }

    private void assertTerms(Map<String, String> options, boolean codebookTerm) {
        double beta = Double.parseDouble(options.get("beta"));
        try (TinyVqVae vq = new TinyVqVae(15, options);
                NDManager scope = vq.manager.newSubManager()) {
            NDArray x = TinyVqVae.images(scope, B);
            ObjectiveValue value = vq.objective.evaluate(x, vq.model, vq.evaluation(scope));
            Encoding.PointMass encoding = (Encoding.PointMass) vq.encoder.encode(x, vq.evaluation(scope));
            float[] ze = encoding.extra(VqConvEncoder.Z_E).orElseThrow().toFloatArray();
            float[] zq = encoding.extra(VqConvEncoder.Z_Q).orElseThrow().toFloatArray();
            long[] indices = encoding.extra(VqConvEncoder.INDICES).orElseThrow().toLongArray();
            NDArray zqArray = encoding.extra(VqConvEncoder.Z_Q).orElseThrow();
            float[] logits = ((Bernoulli) vq.decoder.decode(zqArray, vq.evaluation(scope)))
                    .logits()
                    .toFloatArray();
            float[] pixels = x.toFloatArray();

            double[] logLikelihood = new double[B];
            for (int i = 0; i < pixels.length; i++) {
                double l = logits[i];
                double p = 1 / (1 + Math.exp(-l));
                logLikelihood[i / TinyVqVae.PIXELS] += pixels[i] * Math.log(p) + (1 - pixels[i]) * Math.log(1 - p);
            }
            double reconstruction = -mean(logLikelihood);
            double squared = 0;
            for (int i = 0; i < ze.length; i++) {
                squared += (ze[i] - zq[i]) * (double) (ze[i] - zq[i]);
            }
            squared /= ze.length;
            double kl = TinyVqVae.GRID * TinyVqVae.GRID * Math.log(TinyVqVae.CODES);
            Map<Long, Integer> histogram = new HashMap<>();
            for (long k : indices) {
                histogram.merge(k, 1, Integer::sum);
            }
            double entropy = 0;
            for (int count : histogram.values()) {
                double p = count / (double) indices.length;
                entropy -= p * Math.log(p);
            }

            Map<String, Double> terms = new HashMap<>();
            value.terms().forEach((name, term) -> terms.put(name, (double) term.getFloat()));
            assertThat(terms.get("reconstruction")).isCloseTo(reconstruction, within(1e-3 + 1e-5 * reconstruction));
            assertThat(terms.get("commitment")).isCloseTo(squared, within(1e-6 + 1e-4 * squared));
            assertThat(terms.get("kl")).isCloseTo(kl, within(1e-4));
            assertThat(terms.get("perplexity")).isCloseTo(Math.exp(entropy), within(1e-4));
            assertThat(terms.get("codes-used")).isEqualTo((double) histogram.size());
            double loss = reconstruction + beta * squared;
            if (codebookTerm) {
                assertThat(terms.get("codebook")).isCloseTo(squared, within(1e-6 + 1e-4 * squared));
                loss += squared;
            } else {
                assertThat(terms).doesNotContainKey("codebook");
            }
            assertThat((double) value.loss().getFloat()).isCloseTo(loss, within(1e-3 + 1e-5 * loss));
            float[] bound = value.bound().orElseThrow().toFloatArray();
            assertThat(bound).hasSize(B);
            for (int b = 0; b < B; b++) {
                assertThat((double) bound[b]).isCloseTo(logLikelihood[b] - kl, within(1e-3));
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Test
    void aPriorOverVectorsIsRefused() {
        try (TinyVqVae vq = new TinyVqVae(1, Map.of())) {
            Prior normal = context -> new StandardNormal(context.manager(), vq.encoder.latentShape());
            GenerativeModel model = new GenerativeModel(vq.encoder, normal, vq.decoder);
            assertThat(vq.objective.incompatibility(model))
                    .hasValueSatisfying(
                            reason -> assertThat(reason).startsWith("its prior must be a distribution over codes"));
            assertThat(vq.objective.incompatibility(vq.model)).isEmpty();
        }
    }

    @Test
    void aCodebookTrainedTwoWaysIsRefused() {
        try (TinyVqVae vq = new TinyVqVae(1, Map.of("codebook", "ema"))) {
            BuildContext context = BuildContext.of(vq.manager, TinyVqVae.DATA).withEncoder(vq.encoder);
            Objective byLoss =
                    TinyVqVae.create(new VectorQuantizationLoss.Factory(), Map.of("codebook", "loss"), context);
            assertThat(byLoss.incompatibility(vq.model))
                    .contains(
                            "the objective has codebook=loss but the encoder's codebook is trained by moving averages;"
                                    + " give -P codebook=ema without a role, so that both agree");
            assertThat(vq.objective.incompatibility(vq.model)).isEmpty();
        }
    }

    @Test
    void perplexityOfAUniformHistogramIsTheNumberOfCodes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray[] usage =
                    VectorQuantizationLoss.usage(manager.create(new long[] {3, 1, 4, 1, 3, 4}, new Shape(2, 3)));
            assertThat(usage[0].getFloat()).isCloseTo(3f, within(1e-5f));
            assertThat(usage[1].getFloat()).isEqualTo(3f);
            NDArray[] single = VectorQuantizationLoss.usage(manager.create(new long[] {2, 2, 2}));
            assertThat(single[0].getFloat()).isCloseTo(1f, within(1e-6f));
            assertThat(single[1].getFloat()).isEqualTo(1f);
        }
    }
}
