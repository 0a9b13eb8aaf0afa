package dev.genzoo.contracts;

import static dev.genzoo.contract.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.contract.BoundEstimate;
import dev.genzoo.contract.CodebookMixture;
import dev.genzoo.contract.GaussianData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The new fixtures' log-densities against independent computations: the VQ mixture's exact
 * log p(x) against a brute-force Monte Carlo average of p(x | z) over codes drawn by the prior's
 * own sampler, and against normalization over all 2^16 images; the Gaussian data's density against
 * the sample's own moments and a one-dimensional closed form.
 */
final class ExactFixturesTest {
    private static final int DRAWS = 4000;

    /** p(x) = E_{z ~ prior} p(x | z), estimated with DRAWS codes from uniform-codes' sample(). */
    @Test
    void theCodebookMixtureIsTheMonteCarloMarginal() {
        try (CodebookMixture vq = FamilyModels.vq("loss", NDManager.newBaseManager())) {
            float[] x = vq.sample(8, 31);
            double[] exact = vq.logLikelihood(x);
            GenerativeModel model = vq.model();
            Engine.getInstance().setRandomSeed(32);
            for (int e = 0; e < 8; e++) {
                double[] ratio = new double[DRAWS];
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    StepContext step = StepContext.evaluation(0, vq.manager(), new ParameterStore(vq.manager(), false));
                    NDArray z = model.prior().distribution(step).sample(new Shape(DRAWS));
                    float[] one = Arrays.copyOfRange(x, e * 16, (e + 1) * 16);
                    NDArray image = vq.manager().create(one, FamilyModels.VQ_IMAGES);
                    float[] logs = model.decoder()
                            .decode(z, step)
                            .logProb(image.broadcast(new Shape(DRAWS).addAll(FamilyModels.VQ_IMAGES)))
                            .toFloatArray();
                    for (int i = 0; i < DRAWS; i++) {
                        ratio[i] = Math.exp(logs[i] - exact[e]);
                    }
                }
                // E[p(x|z) / p(x)] = 1
                assertThat(BoundEstimate.of(ratio))
                        .as("Monte Carlo p(x) / exact p(x), example " + e)
                        .isCloseTo(1, 0);
            }
        }
    }

    /** Summed over every binary 4 x 4 image, p(x) is 1. */
    @Test
    void theCodebookMixtureIsNormalized() {
        try (CodebookMixture vq = FamilyModels.vq("ema", NDManager.newBaseManager())) {
            int images = 1 << 16;
            float[] all = new float[images * 16];
            for (int v = 0; v < images; v++) {
                for (int p = 0; p < 16; p++) {
                    all[v * 16 + p] = (v >> p) & 1;
                }
            }
            double total = 0;
            for (double logP : vq.logLikelihood(all)) {
                total += Math.exp(logP);
            }
            assertThat(total).isCloseTo(1, within(1e-4));
        }
    }

    /** The sample's mean and variance per dimension match mu and s^2; the density integrates to 1 per axis. */
    @Test
    void theGaussianDataHaveTheDensityTheyAreDrawnFrom() {
        try (GaussianData data = FamilyModels.flow("realnvp", NDManager.newBaseManager())) {
            int n = 20_000;
            float[] x = data.sample(n, 41);
            double[] mu = {1.5, -1.0, 0.5};
            double[] s = {0.5, 2.0, 1.0};
            for (int i = 0; i < 3; i++) {
                double[] values = new double[n];
                double[] squares = new double[n];
                for (int e = 0; e < n; e++) {
                    values[e] = x[e * 3 + i];
                    squares[e] = (x[e * 3 + i] - mu[i]) * (x[e * 3 + i] - mu[i]) / (s[i] * s[i]);
                }
                assertThat(BoundEstimate.of(values)).isCloseTo(mu[i], 0);
                assertThat(BoundEstimate.of(squares)).isCloseTo(1, 0);
            }
            // at x = mu + s * (1, -1, 2): sum of -log(s sqrt(2 pi)) - u^2 / 2 with u = (1, -1, 2)
            float[] point = {2.0f, -3.0f, 2.5f};
            double expected = -Math.log(0.5 * 2.0 * 1.0) - 1.5 * Math.log(2 * Math.PI) - (1 + 1 + 4) / 2.0;
            assertThat(data.logLikelihood(point)[0]).isCloseTo(expected, within(1e-9));
        }
    }
}
