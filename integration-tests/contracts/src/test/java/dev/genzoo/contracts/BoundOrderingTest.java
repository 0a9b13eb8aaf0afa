package dev.genzoo.contracts;

import static dev.genzoo.contract.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.contract.BoundEstimate;
import dev.genzoo.contract.ObjectiveUnderTest;
import dev.genzoo.contract.ProbabilisticPca;
import dev.genzoo.plugins.iwae.ImportanceWeightedBound;
import dev.genzoo.plugins.vae.EvidenceLowerBound;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On probabilistic PCA, whose log p(x) is exact, with a deliberately poor encoder: ELBO <= IWAE_5
 * <= IWAE_50 <= IWAE_500 <= log p(x) (Burda et al. 2016, theorem 1), each step a clear gain, and
 * the gap to log p(x) closes as K grows. Every comparison is a paired difference over the same
 * 256 examples with 4 standard errors of allowance (see the kit's BoundEstimateAssert).
 */
final class BoundOrderingTest {
    private static final int EXAMPLES = 256;
    private static final int REPEATS = 4;

    /** Each example's bound, averaged over REPEATS draws, on the kit's PPCA held-out samples. */
    private static BoundEstimate bound(ObjectiveFactory factory, Map<String, String> options, float[] x) {
        try (ObjectiveUnderTest under =
                ObjectiveUnderTest.create(factory, options, ProbabilisticPca.standard(NDManager.newBaseManager()))) {
            double[] mean = new double[EXAMPLES];
            for (int r = 0; r < REPEATS; r++) {
                double[] b = under.bound(x, EXAMPLES, 40 + r);
                for (int i = 0; i < EXAMPLES; i++) {
                    mean[i] += b[i] / REPEATS;
                }
            }
            return BoundEstimate.of(mean);
        }
    }

    private static BoundEstimate iwae(int k, float[] x) {
        return bound(new ImportanceWeightedBound.Factory(), Map.of("k", String.valueOf(k)), x);
    }

    @Test
    void elboBelowEachImportanceWeightedBoundBelowTheExactLogLikelihood() {
        float[] x;
        double[] exact;
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager())) {
            x = pca.sample(EXAMPLES, 17);
            exact = pca.logLikelihood(x);
        }
        BoundEstimate elbo = bound(new EvidenceLowerBound.Factory(), Map.of(), x);
        BoundEstimate k5 = iwae(5, x);
        BoundEstimate k50 = iwae(50, x);
        BoundEstimate k500 = iwae(500, x);

        assertThat(k5.minus(elbo)).as("IWAE_5 - ELBO").isPositive();
        assertThat(k50.minus(k5)).as("IWAE_50 - IWAE_5").isPositive();
        assertThat(k500.minus(k50)).as("IWAE_500 - IWAE_50").isPositive();
        assertThat(k500.minus(exact)).as("IWAE_500 - log p(x)").isAtMost(0);

        double gapElbo = -elbo.minus(exact).mean();
        double gap5 = -k5.minus(exact).mean();
        double gap50 = -k50.minus(exact).mean();
        double gap500 = -k500.minus(exact).mean();
        assertThat(gapElbo).as("the ELBO's gap with this poor encoder").isGreaterThan(1);
        assertThat(gap5).isLessThan(gapElbo / 2);
        assertThat(gap50).isLessThan(gap5 / 2);
        assertThat(gap500).isLessThan(gap50 / 2);
    }

    /** iwae with K = 1 and elbo with a Monte Carlo KL read the same draw and give the same bound. */
    @Test
    void oneSampleIwaeIsTheMonteCarloElboOnTheSameDraw() {
        float[] x;
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager())) {
            x = pca.sample(32, 18);
        }
        double[] elbo;
        double[] iwae;
        try (ObjectiveUnderTest under = ObjectiveUnderTest.create(
                new EvidenceLowerBound.Factory(),
                Map.of("kl", "monte-carlo"),
                ProbabilisticPca.standard(NDManager.newBaseManager()))) {
            elbo = under.bound(x, 32, 9);
        }
        try (ObjectiveUnderTest under = ObjectiveUnderTest.create(
                new ImportanceWeightedBound.Factory(),
                Map.of("k", "1"),
                ProbabilisticPca.standard(NDManager.newBaseManager()))) {
            iwae = under.bound(x, 32, 9);
        }
        for (int i = 0; i < 32; i++) {
            assertThat(iwae[i]).isCloseTo(elbo[i], within(1e-5 * (1 + Math.abs(elbo[i]))));
        }
    }
}
