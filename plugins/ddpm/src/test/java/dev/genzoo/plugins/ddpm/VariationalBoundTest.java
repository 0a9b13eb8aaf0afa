package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ObjectiveValue;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The variational bound of a perfect denoiser on Gaussian data against its analytic expectation.
 * For x_0 ~ N(m, s^2) and the best noise predictor, every term's expectation is a closed form
 * (Ho et al. 2020, equation 5, with q's and p's Gaussians written out): L_T = KL(N(a_T x_0, b_T^2)
 * || N(0, 1)) averaged over x_0; L_{t-1} = 0.5 (log(sigma^2 / beta~) + beta~ / sigma^2 - 1 +
 * beta_t^2 Var(eps | x_t) / (alpha_t b_t^2 sigma^2)); L_0 = 0.5 log(2 pi sigma_1^2) + beta_1
 * Var(eps | x_1) / (2 alpha_1 sigma_1^2). The estimates are Monte Carlo over x_0 and x_t: each
 * mean must lie within 4.5 standard errors (the sample standard deviation over sqrt(N)) of its
 * expectation. Being a bound, it must also stay above -log p(x_0) of the data's own Gaussian.
 */
final class VariationalBoundTest {
    private static final int T = 100;
    private static final int N = 2000;
    private static final double[] MEAN = {0.5, -1};
    private static final double[] DEVIATION = {0.8, 0.3};

    @ParameterizedTest
    @ValueSource(strings = {"beta", "posterior"})
    void everyTermOfTheExactSumMatchesItsExpectation(String variance) {
        try (TinyDiffusion d = gaussian(variance);
                NDManager scope = d.manager.newSubManager()) {
            GaussianOracle oracle = (GaussianOracle) d.decoder;
            VariationalTerms terms = VariationalTerms.estimate(data(scope), d.model, d.evaluation(scope), T);

            Expected expected = expectation(oracle, variance);
            SoftAssertions.assertSoftly(softly -> {
                assertWithinStandardErrors(softly, terms.prior(), expected.prior, "L_T");
                assertWithinStandardErrors(softly, terms.denoising(), expected.denoising, "sum of L_{t-1}");
                assertWithinStandardErrors(softly, terms.decoder(), expected.decoder, "L_0");
                assertWithinStandardErrors(softly, terms.total(), expected.total(), "the bound");
            });
            // and it is a bound: -log p(x_0) of the data's own Gaussian is its entropy, below L
            double entropy = 0;
            for (double s : DEVIATION) {
                entropy += 0.5 * Math.log(2 * Math.PI * Math.E * s * s);
            }
            assertThat(expected.total()).isGreaterThan(entropy);
            assertThat(mean(terms.total())).isGreaterThan(entropy);
        }
    }

    /** Fewer steps per example, stratified or one uniform step, estimate the same sum without bias. */
    @ParameterizedTest
    @CsvSource({"1", "2", "10", "37"})
    void fewerStepsEstimateTheSameBound(int strata) {
        try (TinyDiffusion d = gaussian("beta");
                NDManager scope = d.manager.newSubManager()) {
            Expected expected = expectation((GaussianOracle) d.decoder, "beta");
            ObjectiveValue value = d.objective(
                            new VariationalBound.Factory(), Map.of("bound-timesteps", String.valueOf(strata)))
                    .evaluate(data(scope), d.model, d.evaluation(scope));

            assertWithinStandardErrors(value.bound().orElseThrow().neg(), expected.total(), "the bound");
            // bits per dimension are the runtime's, from the bound: no second spelling among the terms
            assertThat(value.terms()).containsOnlyKeys("prior", "denoising", "decoder");
        }
    }

    /**
     * ddpm-simple reports the same bound in evaluation, and its loss there estimates its training
     * loss, E_t ||eps - eps_theta||^2 / D with t uniform, here (1/T) sum_t mean_d Var(eps | x_t).
     * Tolerance: about 4 standard errors of a mean of 2 x 2000 x 10 squared Gaussian residuals.
     */
    /**
     * Evaluation sends at most 2^21 values through the denoiser at once: one step per pass for 379
     * colour 32x32 images (10 at once took 24 GB in a U-Net), as many as 32,768 rows allow for
     * points and the digits, as before the bound on values.
     */
    @Test
    void evaluationPassesAreBoundedByValuesAsWellAsRows() {
        assertThat(VariationalTerms.stepsPerChunk(10, 379, 3 * 32 * 32)).isEqualTo(1);
        assertThat(VariationalTerms.stepsPerChunk(10, 64, 3 * 32 * 32)).isEqualTo(10);
        assertThat(VariationalTerms.stepsPerChunk(1000, 379, 3 * 32 * 32)).isEqualTo(2_097_152 / 3072 / 379);
        assertThat(VariationalTerms.stepsPerChunk(10, 1024, 2)).isEqualTo(10);
        assertThat(VariationalTerms.stepsPerChunk(1000, 360, 64)).isEqualTo(32_768 / 360);
        assertThat(VariationalTerms.stepsPerChunk(1000, 100_000, 2)).isEqualTo(1);
    }

    @Test
    void theSimplifiedObjectiveReportsTheBoundToo() {
        try (TinyDiffusion d = gaussian("beta");
                NDManager scope = d.manager.newSubManager()) {
            GaussianOracle oracle = (GaussianOracle) d.decoder;
            Expected expected = expectation(oracle, "beta");
            ObjectiveValue value = d.objective(new SimplifiedObjective.Factory(), Map.of("bound-timesteps", "10"))
                    .evaluate(data(scope), d.model, d.evaluation(scope));

            assertWithinStandardErrors(value.bound().orElseThrow().neg(), expected.total(), "the bound");
            double mse = 0;
            for (int t = 1; t <= T; t++) {
                mse += (oracle.residual(t, 0) + oracle.residual(t, 1)) / 2 / T;
            }
            assertThat((double) value.loss().getFloat()).isCloseTo(mse, within(0.05 * mse));
        }
    }

    /**
     * Both objectives give every step's term (StepwiseBound): on the same draws, L_0 ... L_T are the
     * rows of the exact sum, so they add up to its bound; L_T is the prior's closed form and the
     * early steps, where q(x_{t-1} | x_t, x_0) is narrow, carry the most.
     */
    @Test
    void everyStepsTermAddsUpToTheExactSum() {
        try (TinyDiffusion d = gaussian("beta");
                NDManager scope = d.manager.newSubManager()) {
            NDArray x = data(scope);
            Engine.getInstance().setRandomSeed(41);
            float[] perStep = ((dev.genzoo.api.StepwiseBound) d.objective(new VariationalBound.Factory(), Map.of()))
                    .termsPerStep(x, d.model, d.evaluation(scope))
                    .toFloatArray();
            Engine.getInstance().setRandomSeed(41);
            VariationalTerms terms = VariationalTerms.estimate(x, d.model, d.evaluation(scope), T);
            assertThat(perStep).hasSize(T + 1);
            double sum = 0;
            for (float term : perStep) {
                sum += term;
            }
            assertThat(sum).isCloseTo(mean(terms.total()), within(1e-3 * Math.abs(sum)));
            assertThat((double) perStep[T]).isCloseTo(mean(terms.prior()), within(1e-5));
            assertThat((double) perStep[0]).isCloseTo(mean(terms.decoder()), within(1e-4));
            assertThat(d.objective(new SimplifiedObjective.Factory(), Map.of()))
                    .isInstanceOf(dev.genzoo.api.StepwiseBound.class);
        }
    }

    private static TinyDiffusion gaussian(String variance) {
        return new TinyDiffusion(
                GaussianOracle.data(MEAN),
                Map.of("timesteps", String.valueOf(T), "variance", variance, "range", "as-is"),
                context -> new GaussianOracle(context.manager(), T, MEAN, DEVIATION),
                5);
    }

    private static NDArray data(NDManager scope) {
        Engine.getInstance().setRandomSeed(17);
        NDArray z = scope.randomNormal(new Shape(N, 2));
        return z.mul(scope.create(new float[] {0.8f, 0.3f})).add(scope.create(new float[] {0.5f, -1f}));
    }

    private record Expected(double prior, double denoising, double decoder) {
        double total() {
            return prior + denoising + decoder;
        }
    }

    private static Expected expectation(GaussianOracle o, String variance) {
        double prior = 0;
        double denoising = 0;
        double decoder = 0;
        double abT = o.alphaBar(T);
        for (int d = 0; d < 2; d++) {
            double second = MEAN[d] * MEAN[d] + DEVIATION[d] * DEVIATION[d];
            prior += 0.5 * (abT * second + (1 - abT) - Math.log(1 - abT) - 1);
            for (int t = 2; t <= T; t++) {
                double beta = o.beta(t);
                double ab = o.alphaBar(t);
                double posterior = beta * (1 - o.alphaBar(t - 1)) / (1 - ab);
                double sigma2 = variance.equals("beta") ? beta : posterior;
                denoising += 0.5
                        * (Math.log(sigma2 / posterior)
                                + posterior / sigma2
                                - 1
                                + beta * beta * o.residual(t, d) / ((1 - beta) * (1 - ab) * sigma2));
            }
            double beta1 = o.beta(1);
            double sigma2 = variance.equals("beta") ? beta1 : o.beta(2) * (1 - o.alphaBar(1)) / (1 - o.alphaBar(2));
            decoder += 0.5 * Math.log(2 * Math.PI * sigma2) + beta1 * o.residual(1, d) / (2 * (1 - beta1) * sigma2);
        }
        return new Expected(prior, denoising, decoder);
    }

    private static double mean(NDArray perExample) {
        double sum = 0;
        for (float v : perExample.toFloatArray()) {
            sum += v;
        }
        return sum / perExample.size();
    }

    private static void assertWithinStandardErrors(NDArray perExample, double expected, String what) {
        SoftAssertions.assertSoftly(softly -> assertWithinStandardErrors(softly, perExample, expected, what));
    }

    private static void assertWithinStandardErrors(
            SoftAssertions softly, NDArray perExample, double expected, String what) {
        float[] values = perExample.toFloatArray();
        softly.assertThat(values).hasSize(N);
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= N;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / (N - 1) / N);
        softly.assertThat(Math.abs(mean - expected))
                .as("%s: estimated %.5f, expected %.5f, standard error %.5f", what, mean, expected, standardError)
                .isLessThanOrEqualTo(4.5 * standardError + 1e-4 * Math.abs(expected));
    }
}
