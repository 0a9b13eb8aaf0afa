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
import dev.genzoo.runtime.eval.Estimate;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.eval.LikelihoodEvaluation;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code genzoo eval}'s estimator on probabilistic PCA, whose log p(x) is exact: with a poor
 * encoder the estimates climb with K to within hundredths of a nat of the mean exact log p(x),
 * never above it; with the exact posterior as encoder every log-weight is log p(x), so the ELBO
 * and every bound equal it.
 */
final class LikelihoodEvaluationExactTest {
    private static final int N = 200;
    private static final List<Integer> KS = List.of(1, 10, 100, 1000);

    private static EvaluationReport evaluate(boolean exactPosterior, double[] exactOut) {
        ProbabilisticPca pca = ProbabilisticPca.standard(NDManager.newBaseManager());
        EvidenceLowerBound.Factory factory = new EvidenceLowerBound.Factory();
        Objective objective = factory.create(Options.defaults(factory.options()), pca.buildContext());
        try (AssembledModel model = AssembledModel.of(pca.model(), objective, pca.manager())) {
            if (exactPosterior) {
                pca.useExactPosterior();
            }
            float[] x = pca.sample(N, 21);
            System.arraycopy(pca.logLikelihood(x), 0, exactOut, 0, N);
            NDArray data = pca.manager().create(x, new Shape(N, ProbabilisticPca.DATA));
            return LikelihoodEvaluation.run(
                    model, "elbo", Examples.of(data), new EvaluationSettings(KS, 3, 64, 0), 0, EvaluationListener.NONE);
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
    void theBoundsClimbWithKToTheExactLogLikelihood() {
        double[] exact = new double[N];
        EvaluationReport report = evaluate(false, exact);
        double logP = mean(exact);
        List<Double> means = report.estimates().stream().map(Estimate::mean).toList();
        // elbo, k=1, k=10, k=100, k=1000
        assertThat(means.get(0)).isLessThan(logP - 5);
        assertThat(means.get(2)).isGreaterThan(means.get(0) + 5);
        assertThat(means.get(3)).isGreaterThan(means.get(2));
        assertThat(means.get(4)).isGreaterThan(means.get(3));
        assertThat(means.get(4)).isBetween(logP - 0.05, logP + 0.005);
        assertThat(report.nllNats()).isEqualTo(-means.get(4));
        assertThat(report.nllBitsPerDimension()).isCloseTo(-means.get(4) / (5 * Math.log(2)), within(1e-12));
    }

    @Test
    void withTheExactPosteriorEveryEstimateIsTheLogLikelihood() {
        double[] exact = new double[N];
        EvaluationReport report = evaluate(true, exact);
        for (Estimate estimate : report.estimates()) {
            assertThat(estimate.mean()).as(estimate.label()).isCloseTo(mean(exact), within(1e-4));
        }
    }
}
