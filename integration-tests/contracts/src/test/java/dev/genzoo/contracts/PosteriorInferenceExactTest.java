package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.Objective;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Options;
import dev.genzoo.contract.ProbabilisticPca;
import dev.genzoo.plugins.vae.EvidenceLowerBound;
import dev.genzoo.runtime.data.Examples;
import dev.genzoo.runtime.eval.AisSettings;
import dev.genzoo.runtime.eval.Estimate;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.eval.LikelihoodEvaluation;
import dev.genzoo.runtime.eval.PosteriorDiagnostics;
import dev.genzoo.runtime.mcmc.ChainDiagnostics;
import dev.genzoo.runtime.mcmc.HamiltonianMonteCarlo;
import dev.genzoo.runtime.mcmc.MarkovChains;
import dev.genzoo.runtime.mcmc.MetropolisHastings;
import dev.genzoo.runtime.mcmc.PosteriorTarget;
import dev.genzoo.runtime.mcmc.Transition;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime's inference on probabilistic PCA, whose posterior p(z|x) = N(M^-1 W^T (x - b), sigma^2
 * M^-1) and log p(x) are exact (the contract kit's model; its encoder set to that posterior gives
 * the exact mean and variances): Metropolis-Hastings and HMC chains match the posterior's mean and
 * covariance within Monte Carlo error; annealed importance sampling approaches log p(x) as its steps
 * grow; and eval's diagnostics match their closed forms, KL per unit -log s_d and I(x; z) = sum_d
 * -log s_d (the aggregate posterior is the prior).
 */
final class PosteriorInferenceExactTest {

    private static Objective elbo(ProbabilisticPca pca) {
        EvidenceLowerBound.Factory factory = new EvidenceLowerBound.Factory();
        return factory.create(Options.defaults(factory.options()), pca.buildContext());
    }

    @Test
    void metropolisHastingsMatchesTheExactPosterior() {
        chainsMatchTheExactPosterior(new MetropolisHastings(), 1000, 4000);
    }

    @Test
    void hamiltonianMonteCarloMatchesTheExactPosterior() {
        chainsMatchTheExactPosterior(new HamiltonianMonteCarlo(5), 300, 1000);
    }

    private static void chainsMatchTheExactPosterior(Transition kernel, int warmup, int draws) {
        Engine.getInstance().setRandomSeed(31);
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager())) {
            pca.useExactPosterior();
            NDManager manager = pca.manager();
            StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
            NDArray x = manager.create(pca.sample(1, 8), new Shape(1, ProbabilisticPca.DATA));
            Normal exact = (Normal) ((Encoding.Density) pca.model().encoder().encode(x, context)).posterior();
            float[] mean = exact.loc().toFloatArray();
            float[] variance = exact.logVariance().exp().toFloatArray();
            NDArray start = manager.randomNormal(new Shape(8, 1, ProbabilisticPca.LATENT));
            MarkovChains.Result result = MarkovChains.run(
                    new PosteriorTarget(pca.model(), x, context), kernel, start, 0.5, warmup, draws, step -> {});
            assertThat(result.acceptanceRate())
                    .isBetween(kernel.targetAcceptance() - 0.15, kernel.targetAcceptance() + 0.15);
            double[][][] units = {result.unit(0), result.unit(1)};
            double[] means = new double[2];
            double[] ess = new double[2];
            for (int d = 0; d < 2; d++) {
                ess[d] = ChainDiagnostics.effectiveSampleSize(units[d]);
                assertThat(ess[d]).as("ESS of unit %d", d).isGreaterThan(300);
                assertThat(ChainDiagnostics.splitRhat(units[d]))
                        .as("R-hat of unit %d", d)
                        .isLessThan(1.05);
                means[d] = mean(units[d]);
                double sd = Math.sqrt(variance[d]);
                assertThat(means[d]).as("mean of unit %d", d).isCloseTo(mean[d], within(5 * sd / Math.sqrt(ess[d])));
                double var = moment(units[d], units[d], means[d], means[d]);
                assertThat(var)
                        .as("variance of unit %d", d)
                        .isCloseTo(variance[d], within(5 * variance[d] * Math.sqrt(2 / ess[d])));
            }
            double covariance = moment(units[0], units[1], means[0], means[1]);
            double scale = Math.sqrt(variance[0] * variance[1] / Math.min(ess[0], ess[1]));
            assertThat(covariance).as("covariance").isCloseTo(0, within(5 * scale));
        }
    }

    /**
     * A decoder whose columns are not orthogonal has a posterior with a non-diagonal covariance
     * sigma^2 M^-1, M = W^T W + sigma^2 I (here a correlation of 0.81): the chains' covariance of
     * the two units must match it, which a sampler that moved the units independently, or a check
     * against a diagonal posterior, could not show.
     */
    @Test
    void bothSamplersMatchACorrelatedPosterior() {
        double[][] w = {{1.0, -0.5}, {1.0, -0.8}, {0.5, 0.0}, {1.0, -1.0}, {0.0, 0.4}};
        double s2 = ProbabilisticPca.SIGMA * ProbabilisticPca.SIGMA;
        double[][] m = new double[2][2];
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                m[j][k] = j == k ? s2 : 0;
                for (double[] row : w) {
                    m[j][k] += row[j] * row[k];
                }
            }
        }
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        double[][] covariance = {{s2 * m[1][1] / det, -s2 * m[0][1] / det}, {-s2 * m[1][0] / det, s2 * m[0][0] / det}};
        double correlation = covariance[0][1] / Math.sqrt(covariance[0][0] * covariance[1][1]);
        assertThat(correlation).as("the posterior's correlation").isGreaterThan(0.7);
        for (Transition kernel : new Transition[] {new MetropolisHastings(), new HamiltonianMonteCarlo(5)}) {
            Engine.getInstance().setRandomSeed(37);
            try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager())) {
                NDManager manager = pca.manager();
                float[] wT = new float[2 * ProbabilisticPca.DATA];
                for (int i = 0; i < ProbabilisticPca.DATA; i++) {
                    wT[i] = (float) w[i][0];
                    wT[ProbabilisticPca.DATA + i] = (float) w[i][1];
                }
                pca.model().decoder().parameters().get("w").getArray().set(java.nio.FloatBuffer.wrap(wT));
                float[] bias =
                        pca.model().decoder().parameters().get("b").getArray().toFloatArray();
                StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
                float[] example = pca.sample(1, 8);
                double[] wr = new double[2];
                for (int i = 0; i < ProbabilisticPca.DATA; i++) {
                    wr[0] += w[i][0] * (example[i] - bias[i]);
                    wr[1] += w[i][1] * (example[i] - bias[i]);
                }
                double[] exactMean = {
                    (covariance[0][0] * wr[0] + covariance[0][1] * wr[1]) / s2,
                    (covariance[1][0] * wr[0] + covariance[1][1] * wr[1]) / s2
                };
                NDArray x = manager.create(example, new Shape(1, ProbabilisticPca.DATA));
                NDArray start = manager.randomNormal(new Shape(8, 1, ProbabilisticPca.LATENT));
                boolean hmc = kernel instanceof HamiltonianMonteCarlo;
                MarkovChains.Result result = MarkovChains.run(
                        new PosteriorTarget(pca.model(), x, context),
                        kernel,
                        start,
                        0.5,
                        hmc ? 300 : 1000,
                        hmc ? 1000 : 4000,
                        step -> {});
                double[][][] units = {result.unit(0), result.unit(1)};
                double[] means = new double[2];
                double[] ess = new double[2];
                for (int d = 0; d < 2; d++) {
                    ess[d] = ChainDiagnostics.effectiveSampleSize(units[d]);
                    assertThat(ess[d])
                            .as("%s: ESS of unit %d", kernel.getClass().getSimpleName(), d)
                            .isGreaterThan(200);
                    means[d] = mean(units[d]);
                    assertThat(means[d])
                            .as("%s: mean of unit %d", kernel.getClass().getSimpleName(), d)
                            .isCloseTo(exactMean[d], within(5 * Math.sqrt(covariance[d][d] / ess[d])));
                    assertThat(moment(units[d], units[d], means[d], means[d]))
                            .as("%s: variance of unit %d", kernel.getClass().getSimpleName(), d)
                            .isCloseTo(covariance[d][d], within(5 * covariance[d][d] * Math.sqrt(2 / ess[d])));
                }
                double essBoth = Math.min(ess[0], ess[1]);
                // the sample covariance's standard error: sqrt((s11 s22 + s12^2) / n) for a Gaussian
                double error = Math.sqrt(
                        (covariance[0][0] * covariance[1][1] + covariance[0][1] * covariance[0][1]) / essBoth);
                assertThat(moment(units[0], units[1], means[0], means[1]))
                        .as("%s: covariance of the units", kernel.getClass().getSimpleName())
                        .isCloseTo(covariance[0][1], within(5 * error));
            }
        }
    }

    private static double mean(double[][] chains) {
        double sum = 0;
        int n = 0;
        for (double[] chain : chains) {
            for (double v : chain) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static double moment(double[][] a, double[][] b, double meanA, double meanB) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < a.length; c++) {
            for (int t = 0; t < a[c].length; t++) {
                sum += (a[c][t] - meanA) * (b[c][t] - meanB);
                n++;
            }
        }
        return sum / n;
    }

    /**
     * From the prior, one step (importance sampling from p(z) with 16 samples) leaves AIS well below
     * log p(x); 400 reach it within a few hundredths.
     */
    @Test
    void annealedImportanceSamplingApproachesTheExactLogLikelihood() {
        double[] gaps = new double[3];
        int[] steps = {1, 10, 400};
        for (int i = 0; i < steps.length; i++) {
            try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager());
                    AssembledModel model = AssembledModel.of(pca.model(), elbo(pca), pca.manager())) {
                int n = 30;
                float[] examples = pca.sample(n, 17);
                double exact = average(pca.logLikelihood(examples));
                NDArray data = pca.manager().create(examples, new Shape(n, ProbabilisticPca.DATA));
                EvaluationSettings settings =
                        new EvaluationSettings(List.of(1), 4, n, 0).withAis(new AisSettings(steps[i], 16, 10, false));
                EvaluationReport report = LikelihoodEvaluation.run(
                        model, "elbo", Examples.of(data), settings, 0, EvaluationListener.NONE);
                Estimate ais = report.tightest();
                assertThat(ais.label()).isEqualTo("ais k=16");
                gaps[i] = exact - ais.mean();
                // a stochastic lower bound: below log p(x) up to its Monte Carlo error
                assertThat(ais.mean()).isLessThan(exact + 3 * ais.standardError() + 0.01);
            }
        }
        assertThat(gaps[0]).as("gaps %s", java.util.Arrays.toString(gaps)).isGreaterThan(0.3);
        assertThat(gaps[1]).as("gaps %s", java.util.Arrays.toString(gaps)).isLessThan(gaps[0]);
        assertThat(Math.abs(gaps[2]))
                .as("gaps %s", java.util.Arrays.toString(gaps))
                .isLessThan(0.05);
    }

    @Test
    void theDiagnosticsOfTheExactPosteriorAreTheirClosedForms() {
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager());
                AssembledModel model = AssembledModel.of(pca.model(), elbo(pca), pca.manager())) {
            pca.useExactPosterior();
            int n = 1000;
            NDArray data = pca.manager().create(pca.sample(n, 23), new Shape(n, ProbabilisticPca.DATA));
            EvaluationReport report = LikelihoodEvaluation.run(
                    model,
                    "elbo",
                    Examples.of(data),
                    new EvaluationSettings(List.of(1, 10), 5, 250, 0),
                    0,
                    EvaluationListener.NONE);
            PosteriorDiagnostics diagnostics = report.posteriorDiagnostics().orElseThrow();
            StepContext context = StepContext.evaluation(0, pca.manager(), model.parameterStore());
            Normal q = (Normal) ((Encoding.Density) pca.model().encoder().encode(data, context)).posterior();
            float[] logVar = q.logVariance().toFloatArray();
            double total = 0;
            for (int d = 0; d < 2; d++) {
                double kl = -0.5 * logVar[d];
                total += kl;
                assertThat(diagnostics.klPerUnit().get(d))
                        .as("KL of unit %d", d)
                        .isCloseTo(kl, within(0.08));
            }
            assertThat(diagnostics.activeUnits()).containsEntry("z", 2);
            assertThat(diagnostics.klPerBlock().get("z")).isCloseTo(total, within(0.1));
            assertThat(diagnostics.mutualInformation()).isCloseTo(total, within(0.15));
            assertThat(diagnostics.mutualInformationExamples()).isEqualTo(1000);
            // q is the posterior: every importance weight is p(x), so the ESS is K and there is no gap
            assertThat(diagnostics.importanceEss()).isCloseTo(10, within(1e-3));
            assertThat(diagnostics.elboIwaeGap()).isCloseTo(0, within(1e-4));
        }
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
