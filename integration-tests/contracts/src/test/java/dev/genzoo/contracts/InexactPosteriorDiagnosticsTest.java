package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Objective;
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
import dev.genzoo.runtime.model.AssembledModel;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Eval's diagnostics and annealed importance sampling where q(z|x) is deliberately not the
 * posterior of probabilistic PCA. With q's mean moved by Delta_d from the exact posterior N(mu,
 * diag v), KL(q || p(z|x)) = sum_d Delta_d^2 / (2 v_d) =: KL for every x, the log-weight log
 * p(x, z) / q(z|x) - log p(x) is Gaussian with mean -KL and variance 2 KL, so the ELBO is log p(x)
 * - KL, the ELBO-IWAE gap tends to KL as K grows, and the importance weights' ESS to K exp(-2 KL).
 * A unit whose q is the prior whatever x is dead: it is not counted active and has no KL.
 */
final class InexactPosteriorDiagnosticsTest {

    private static Objective elbo(ProbabilisticPca pca) {
        EvidenceLowerBound.Factory factory = new EvidenceLowerBound.Factory();
        return factory.create(Options.defaults(factory.options()), pca.buildContext());
    }

    private static float[] values(ProbabilisticPca pca, String name) {
        return pca.model().encoder().parameters().get(name).getArray().toFloatArray();
    }

    private static void set(ProbabilisticPca pca, String name, float[] values) {
        pca.model().encoder().parameters().get(name).getArray().set(FloatBuffer.wrap(values));
    }

    /** Moves the exact posterior's mean of unit 0 so that KL(q || p(z|x)) is the given value. */
    private static void shiftMean(ProbabilisticPca pca, double kl) {
        pca.useExactPosterior();
        double v0 = Math.exp(values(pca, "log_variance")[0]);
        float[] bias = values(pca, "a_bias");
        bias[0] += (float) Math.sqrt(2 * kl * v0);
        set(pca, "a_bias", bias);
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static Estimate named(EvaluationReport report, String label) {
        return report.estimates().stream()
                .filter(e -> e.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMovedPosteriorsGapIsItsKlAndItsWeightsLoseEffectiveSamples() {
        double kl = 0.25;
        int k = 1000;
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager());
                AssembledModel model = AssembledModel.of(pca.model(), elbo(pca), pca.manager())) {
            shiftMean(pca, kl);
            int n = 1000;
            float[] examples = pca.sample(n, 41);
            double exact = average(pca.logLikelihood(examples));
            NDArray data = pca.manager().create(examples, new Shape(n, ProbabilisticPca.DATA));
            EvaluationReport report = LikelihoodEvaluation.run(
                    model,
                    "elbo",
                    Examples.of(data),
                    new EvaluationSettings(List.of(1, k), 7, 250, 0),
                    0,
                    EvaluationListener.NONE);
            // per example the ELBO's Monte Carlo error is sqrt(2 KL) = 0.71: 0.022 over 1000 examples
            assertThat(named(report, "elbo").mean()).isCloseTo(exact - kl, within(0.1));
            assertThat(named(report, "iwae k=" + k).mean()).isCloseTo(exact, within(0.02));
            PosteriorDiagnostics diagnostics = report.posteriorDiagnostics().orElseThrow();
            assertThat(diagnostics.elboIwaeGap()).isCloseTo(kl, within(0.1));
            assertThat(diagnostics.importanceK()).isEqualTo(k);
            // (sum w)^2 / sum w^2 -> K E[w]^2 / E[w^2] = K exp(-2 KL) = 606.5 for log-normal weights
            assertThat(diagnostics.importanceEss()).isCloseTo(k * Math.exp(-2 * kl), within(0.05 * k));
            assertThat(diagnostics.activeUnits()).containsEntry("z", 2);
        }
    }

    @Test
    void aUnitWhosePosteriorIsThePriorIsNotActiveAndCarriesNoKl() {
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager());
                AssembledModel model = AssembledModel.of(pca.model(), elbo(pca), pca.manager())) {
            pca.useExactPosterior();
            // q(z_1 | x) = N(0, 1) = p(z_1) for every x: column 1 of A, its bias and its log-variance 0
            float[] weights = values(pca, "a");
            for (int i = 0; i < ProbabilisticPca.DATA; i++) {
                weights[i * ProbabilisticPca.LATENT + 1] = 0;
            }
            set(pca, "a", weights);
            float[] bias = values(pca, "a_bias");
            bias[1] = 0;
            set(pca, "a_bias", bias);
            float[] logVariance = values(pca, "log_variance");
            logVariance[1] = 0;
            set(pca, "log_variance", logVariance);
            int n = 1000;
            NDArray data = pca.manager().create(pca.sample(n, 43), new Shape(n, ProbabilisticPca.DATA));
            EvaluationReport report = LikelihoodEvaluation.run(
                    model,
                    "elbo",
                    Examples.of(data),
                    new EvaluationSettings(List.of(1, 10), 5, 250, 0),
                    0,
                    EvaluationListener.NONE);
            PosteriorDiagnostics diagnostics = report.posteriorDiagnostics().orElseThrow();
            assertThat(diagnostics.activeUnits()).containsEntry("z", 1);
            assertThat(diagnostics.unitsPerBlock()).containsEntry("z", 2);
            double kl0 = -0.5 * logVariance[0];
            assertThat(diagnostics.klPerUnit().get(0)).isCloseTo(kl0, within(0.08));
            assertThat(diagnostics.klPerUnit().get(1)).isCloseTo(0, within(1e-5));
            // only unit 0 says anything about x; its aggregate posterior is still the prior
            assertThat(diagnostics.mutualInformation()).isCloseTo(kl0, within(0.15));
            // the dead unit's q is its exact posterior no longer, so importance sampling has a gap
            assertThat(diagnostics.elboIwaeGap()).isGreaterThan(0.1);
            assertThat(diagnostics.importanceEss()).isLessThan(9);
        }
    }

    /**
     * Started at q(z|x), one annealing step is importance sampling from q with as many samples as
     * chains: exact at once when q is the posterior (from the prior, one step is 0.3 nats or more
     * short, see PosteriorInferenceExactTest); for a moved q (KL 2) short by -E log (1/16) sum_c
     * w_c with log w_c ~ N(-KL, 2 KL) iid, computed here by simulation in doubles; and 400 steps
     * reach log p(x) within a few hundredths.
     */
    @Test
    void annealingFromTheEncoderStartsAtQAndApproachesTheExactLogLikelihood() {
        double kl = 2;
        assertThat(aisGap(-1, 1, 30)).as("exact q, one step").isCloseTo(0, within(1e-3));
        int n = 1000;
        double[] expected = importanceSamplingShortfall(kl, 16, 200_000);
        assertThat(aisGap(kl, 1, n))
                .as("moved q, one step")
                .isCloseTo(expected[0], within(4 * expected[1] / Math.sqrt(n) + 0.01));
        assertThat(Math.abs(aisGap(kl, 400, 30))).as("moved q, 400 steps").isLessThan(0.05);
    }

    /** The mean and standard deviation of -log (1/k) sum_c w_c for log w_c ~ N(-kl, 2 kl). */
    private static double[] importanceSamplingShortfall(double kl, int k, int replicates) {
        java.util.Random random = new java.util.Random(11);
        double sum = 0;
        double squares = 0;
        double sd = Math.sqrt(2 * kl);
        for (int r = 0; r < replicates; r++) {
            double[] logW = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                logW[c] = -kl + sd * random.nextGaussian();
                max = Math.max(max, logW[c]);
            }
            double total = 0;
            for (double l : logW) {
                total += Math.exp(l - max);
            }
            double shortfall = -(max + Math.log(total / k));
            sum += shortfall;
            squares += shortfall * shortfall;
        }
        double mean = sum / replicates;
        return new double[] {mean, Math.sqrt(squares / replicates - mean * mean)};
    }

    /** log p(x) minus AIS from q(z|x) with 16 chains, averaged over n examples; kl below 0 keeps q exact. */
    private static double aisGap(double kl, int steps, int n) {
        try (ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager());
                AssembledModel model = AssembledModel.of(pca.model(), elbo(pca), pca.manager())) {
            if (kl < 0) {
                pca.useExactPosterior();
            } else {
                shiftMean(pca, kl);
            }
            float[] examples = pca.sample(n, 17);
            double exact = average(pca.logLikelihood(examples));
            NDArray data = pca.manager().create(examples, new Shape(n, ProbabilisticPca.DATA));
            EvaluationSettings settings = new EvaluationSettings(List.of(1), 4, Math.min(n, 250), 0)
                    .withAis(new AisSettings(steps, 16, 10, true));
            EvaluationReport report =
                    LikelihoodEvaluation.run(model, "elbo", Examples.of(data), settings, 0, EvaluationListener.NONE);
            Estimate ais = report.tightest();
            assertThat(ais.label()).isEqualTo("ais k=16");
            assertThat(ais.mean()).isLessThan(exact + 3 * ais.standardError() + 0.01);
            return exact - ais.mean();
        }
    }
}
