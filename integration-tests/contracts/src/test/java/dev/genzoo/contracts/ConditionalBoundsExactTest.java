package dev.genzoo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.Condition;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import dev.genzoo.contract.ConditionalProbabilisticPca;
import dev.genzoo.plugins.iwae.ImportanceWeightedBound;
import dev.genzoo.plugins.vae.EvidenceLowerBound;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conditional objectives against the kit's exact conditional model (issue 16): on a PPCA with
 * a class-dependent mean, where log p(x|y) is closed form, the ELBO and the IWAE bound of a pass
 * that carries the labels are at most log p(x|y) in expectation with a poor encoder, and equal to
 * it, example by example, with the encoder at the exact posterior q(z|x, y) = p(z|x, y).
 */
final class ConditionalBoundsExactTest {
    private static final int EXAMPLES = 400;
    private static final int REPEATS = 20;

    private static ObjectiveFactory factory(String name) {
        return name.equals("elbo") ? new EvidenceLowerBound.Factory() : new ImportanceWeightedBound.Factory();
    }

    /** Each example's bound, averaged over REPEATS passes, minus its log p(x|y). */
    private static double[] gaps(String name, Map<String, String> options, boolean exactPosterior) {
        Engine.getInstance().setRandomSeed(3);
        try (ConditionalProbabilisticPca pca = ConditionalProbabilisticPca.standard(NDManager.newBaseManager())) {
            if (exactPosterior) {
                pca.useExactPosterior();
            }
            ObjectiveFactory f = factory(name);
            Objective objective = f.create(Options.resolve(name, f.options(), options), pca.buildContext());
            assertThat(objective.acceptsCondition()).isTrue();
            long[] labels = ConditionalProbabilisticPca.labels(EXAMPLES, 11);
            float[] x = pca.sample(labels, 12);
            double[] logp = pca.logLikelihood(x, labels);
            double[] gap = new double[EXAMPLES];
            ParameterStore store = new ParameterStore(pca.manager(), false);
            for (int r = 0; r < REPEATS; r++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDManager m = pca.manager();
                    StepContext context = StepContext.evaluation(0, m, store)
                            .withCondition(Condition.label(m.create(labels), ConditionalProbabilisticPca.CLASSES));
                    float[] bound = objective
                            .evaluate(m.create(x, new Shape(EXAMPLES, 5)), pca.model(), context)
                            .bound()
                            .orElseThrow()
                            .toFloatArray();
                    for (int e = 0; e < EXAMPLES; e++) {
                        gap[e] += (bound[e] - logp[e]) / REPEATS;
                    }
                }
            }
            return gap;
        }
    }

    private static Map<String, String> options(String given) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : given.split(" ")) {
            if (!pair.isEmpty()) {
                out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return out;
    }

    private static double[] meanAndError(double[] gap) {
        double mean = 0;
        for (double d : gap) {
            mean += d / gap.length;
        }
        double variance = 0;
        for (double d : gap) {
            variance += (d - mean) * (d - mean) / (gap.length - 1);
        }
        return new double[] {mean, Math.sqrt(variance / gap.length)};
    }

    @ParameterizedTest
    @CsvSource({"elbo, ''", "elbo, kl=monte-carlo", "iwae, k=8"})
    void theBoundIsBelowLogPOfXGivenY(String name, String given) {
        double[] m = meanAndError(gaps(name, options(given), false));
        System.out.printf("%s %s: bound - log p(x|y) = %.4f +- %.4f nats, starting encoder%n", name, given, m[0], m[1]);
        assertThat(m[0]).isLessThanOrEqualTo(4 * m[1] + 1e-3);
        assertThat(m[0]).as("the poor encoder leaves a gap").isLessThan(-0.1);
    }

    /**
     * At q(z|x, y) = p(z|x, y) every importance weight p(x, z|y) / q(z|x, y) is p(x|y): the
     * Monte Carlo ELBO and the IWAE bound equal log p(x|y) for each example; the ELBO with its
     * closed-form KL does in expectation.
     */
    @ParameterizedTest
    @CsvSource({"elbo, '', false", "elbo, kl=monte-carlo, true", "iwae, k=8, true"})
    void atTheExactPosteriorTheBoundIsLogPOfXGivenY(String name, String given, boolean everyExample) {
        double[] gap = gaps(name, options(given), true);
        double[] m = meanAndError(gap);
        System.out.printf("%s %s: bound - log p(x|y) = %.5f +- %.5f nats, exact posterior%n", name, given, m[0], m[1]);
        assertThat(m[0]).isCloseTo(0, within(4 * m[1] + 1e-3));
        if (everyExample) {
            for (int e = 0; e < gap.length; e++) {
                assertThat(gap[e]).as("example %d", e).isCloseTo(0, within(1e-3));
            }
        }
    }
}
