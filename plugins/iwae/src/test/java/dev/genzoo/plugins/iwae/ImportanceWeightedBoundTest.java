package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code iwae} bound recomputed in doubles: the engine is reseeded so that the test's own K
 * draws z_k ~ q(z|x) are the objective's, then every log-weight log p(x|z_k) + log p(z_k) - log
 * q(z_k|x) is written out from the model's parameters and the log-mean-exp over k taken in
 * doubles.
 */
final class ImportanceWeightedBoundTest {
    private static final int B = 4;
    private static final int SEED = 41;

    @Test
    void matchesTheBoundComputedByHand() {
        try (LinearModel m = new LinearModel(7, 1f)) {
            assertMatchesByHand(m, 5, 1e-5);
        }
    }

    /**
     * With K = 1 the bound is the ELBO's Monte Carlo estimator on the same draw, computed here as
     * {@code elbo} with kl=monte-carlo computes it: one draw without a sample axis, log p(x|z) -
     * (log q(z|x) - log p(z)).
     */
    @Test
    void oneSampleIsTheElboEstimator() {
        try (LinearModel m = new LinearModel(8, 1f);
                NDManager scope = m.manager.newSubManager()) {
            ObjectiveValue value = evaluate(m, 1, scope);

            Engine.getInstance().setRandomSeed(SEED);
            NDArray x = LinearModel.vectors(scope, LinearModel.binaryBatch(B));
            StepContext context = m.evaluation(scope);
            Draw draw = m.posterior(x, context).rsampleWithLogProb(new Shape());
            NDArray reconstruction =
                    m.model.decoder().decode(draw.value(), context).logProb(x);
            NDArray kl =
                    draw.logProb().sub(m.model.prior().distribution(context).logProb(draw.value()));
            float[] elbo = reconstruction.sub(kl).toFloatArray();

            float[] bound = value.bound().orElseThrow().toFloatArray();
            for (int b = 0; b < B; b++) {
                assertThat(bound[b]).isCloseTo(elbo[b], within(1e-5f * (1 + Math.abs(elbo[b]))));
            }
            assertThat(value.terms().get("ess").getFloat()).isEqualTo(1f);
            assertThat(value.terms().get("elbo").getFloat())
                    .isCloseTo(value.loss().neg().getFloat(), within(1e-5f));
        }
    }

    @Test
    void oneSampleMatchesTheBoundComputedByHand() {
        try (LinearModel m = new LinearModel(8, 1f)) {
            assertMatchesByHand(m, 1, 1e-5);
        }
    }

    /**
     * A decoder a thousand times too confident gives log-weights of thousands of nats below zero,
     * where exp underflows in any precision: the bound is still finite and exact.
     */
    @Test
    void logWeightsOfThousandsOfNatsStayFinite() {
        try (LinearModel m = new LinearModel(9, 1000f)) {
            double[][] logWeights = assertMatchesByHand(m, 8, 2e-6);
            double lowest = 0;
            for (double[] row : logWeights) {
                for (double v : row) {
                    lowest = Math.min(lowest, v);
                }
            }
            assertThat(lowest).isLessThan(-1000);
        }
    }

    /** All K samples go through the decoder in one call of shape [K, B, L], never one per sample. */
    @Test
    void theDecoderSeesAllSamplesInOneCall() {
        try (LinearModel m = new LinearModel(10, 1f);
                NDManager scope = m.manager.newSubManager()) {
            List<Shape> calls = new ArrayList<>();
            Decoder inner = m.model.decoder();
            Decoder counting = new Decoder() {
                @Override
                public Distribution decode(NDArray z, StepContext context) {
                    calls.add(z.getShape());
                    return inner.decode(z, context);
                }
            };
            GenerativeModel model = new GenerativeModel(m.model.encoder(), m.model.prior(), counting);
            new ImportanceWeightedBound(7)
                    .evaluate(LinearModel.vectors(scope, LinearModel.binaryBatch(B)), model, m.evaluation(scope));
            assertThat(calls).containsExactly(new Shape(7, B, LinearModel.L));
        }
    }

    private static ObjectiveValue evaluate(LinearModel m, int k, NDManager scope) {
        Engine.getInstance().setRandomSeed(SEED);
        return new ImportanceWeightedBound(k)
                .evaluate(LinearModel.vectors(scope, LinearModel.binaryBatch(B)), m.model, m.evaluation(scope));
    }

    /** Checks bound, terms and loss against doubles; returns the log-weights [k][b]. */
    private static double[][] assertMatchesByHand(LinearModel m, int k, double relative) {
        try (NDManager scope = m.manager.newSubManager()) {
            ObjectiveValue value = evaluate(m, k, scope);

            Engine.getInstance().setRandomSeed(SEED);
            float[] x = LinearModel.binaryBatch(B);
            StepContext context = m.evaluation(scope);
            Normal posterior = m.posterior(LinearModel.vectors(scope, x), context);
            float[] z = posterior.rsample(new Shape(k)).toFloatArray();
            float[] loc = posterior.loc().toFloatArray();
            float[] logVar = posterior.logVariance().toFloatArray();
            float[] w = m.w.getArray().toFloatArray();
            float[] c = m.c.getArray().toFloatArray();

            int l = LinearModel.L;
            int d = LinearModel.D;
            double[][] logWeights = new double[k][B];
            for (int s = 0; s < k; s++) {
                for (int b = 0; b < B; b++) {
                    double logQ = 0;
                    double logP = 0;
                    for (int j = 0; j < l; j++) {
                        double zj = z[(s * B + b) * l + j];
                        double mu = loc[b * l + j];
                        double variance = Math.exp(logVar[b * l + j]);
                        logQ += -0.5 * Math.log(2 * Math.PI * variance) - (zj - mu) * (zj - mu) / (2 * variance);
                        logP += -0.5 * Math.log(2 * Math.PI) - zj * zj / 2;
                    }
                    double logLikelihood = 0;
                    for (int i = 0; i < d; i++) {
                        double logit = c[i];
                        for (int j = 0; j < l; j++) {
                            logit += z[(s * B + b) * l + j] * w[j * d + i];
                        }
                        double xi = x[b * d + i];
                        logLikelihood += xi * logSigmoid(logit) + (1 - xi) * logSigmoid(-logit);
                    }
                    logWeights[s][b] = logLikelihood + logP - logQ;
                }
            }

            float[] bound = value.bound().orElseThrow().toFloatArray();
            double meanBound = 0;
            double meanLogWeight = 0;
            double meanEss = 0;
            for (int b = 0; b < B; b++) {
                double largest = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < k; s++) {
                    largest = Math.max(largest, logWeights[s][b]);
                    meanLogWeight += logWeights[s][b] / (k * B);
                }
                double sum = 0;
                double sumSquares = 0;
                for (int s = 0; s < k; s++) {
                    double ratio = Math.exp(logWeights[s][b] - largest);
                    sum += ratio;
                    sumSquares += ratio * ratio;
                }
                double expected = largest + Math.log(sum / k);
                assertThat((double) bound[b])
                        .as("bound of example %d", b)
                        .isCloseTo(expected, within(relative * (1 + Math.abs(expected))));
                meanBound += expected / B;
                meanEss += sum * sum / sumSquares / B;
            }
            assertThat(value.loss().getShape()).isEqualTo(new Shape());
            assertThat((double) value.loss().getFloat())
                    .isCloseTo(-meanBound, within(relative * (1 + Math.abs(meanBound))));
            assertThat((double) value.terms().get("elbo").getFloat())
                    .isCloseTo(meanLogWeight, within(relative * (1 + Math.abs(meanLogWeight))));
            assertThat((double) value.terms().get("ess").getFloat()).isCloseTo(meanEss, within(1e-4 * k));
            return logWeights;
        }
    }

    private static double logSigmoid(double l) {
        return l >= 0 ? -Math.log1p(Math.exp(-l)) : l - Math.log1p(Math.exp(l));
    }
}
