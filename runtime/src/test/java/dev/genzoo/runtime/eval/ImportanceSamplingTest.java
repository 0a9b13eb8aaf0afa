package dev.genzoo.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The importance-sampled bounds against log-mean-exps of known log-weights computed in doubles,
 * whatever the chunk size: one sample per chunk, chunks that straddle the K boundaries, or all
 * samples at once. The log-weights of a scripted model are exact numbers, so chunking can change
 * nothing beyond float32 rounding.
 */
final class ImportanceSamplingTest {
    private static final float[] X = {-0.4f, 0.3f, 1.9f};
    private static final List<Integer> KS = List.of(1, 4, 10, 25);

    @Test
    void chunkedLogSumExpIsExact() {
        double[][] expected = byHand();
        for (long budget : new long[] {X.length, 2L * X.length, 7L * X.length, 1L << 20}) {
            double[][] got = estimate(budget);
            for (int column = 0; column < expected.length; column++) {
                for (int b = 0; b < X.length; b++) {
                    assertThat(got[column][b])
                            .as("column %d, example %d, %d numbers per chunk", column, b, budget)
                            .isCloseTo(expected[column][b], within(2e-5 * (1 + Math.abs(expected[column][b]))));
                }
            }
        }
    }

    /** A chunk's decoder output (samples x examples x D numbers) never exceeds the budget. */
    @Test
    void chunksStayWithinTheBudget() {
        ScriptedModel scripted = new ScriptedModel();
        try (NDManager manager = NDManager.newBaseManager()) {
            new ImportanceSampling(scripted.model, KS, 1, 7L * X.length + 2)
                    .estimate(manager.create(X, new Shape(X.length, 1)), context(manager), done -> {});
        }
        assertThat(scripted.largestDraw()).isEqualTo(7);
    }

    @Test
    void progressCountsEverySampleOfEveryExample() {
        List<Long> reports = new ArrayList<>();
        ScriptedModel scripted = new ScriptedModel();
        try (NDManager manager = NDManager.newBaseManager()) {
            ImportanceSampling sampling = new ImportanceSampling(scripted.model, KS, 1, 4L * X.length);
            sampling.estimate(manager.create(X, new Shape(X.length, 1)), context(manager), reports::add);
        }
        assertThat(reports).isSorted().last().isEqualTo(25L * X.length);
        assertThat(reports).contains(4L * X.length, 10L * X.length);
    }

    @Test
    void columnsAreTheElboThenEachK() {
        ImportanceSampling sampling = new ImportanceSampling(new ScriptedModel().model, KS, 1, 100);
        assertThat(sampling.columns())
                .containsExactly(
                        new LikelihoodEstimator.Column("elbo", 25),
                        new LikelihoodEstimator.Column("iwae", 1),
                        new LikelihoodEstimator.Column("iwae", 4),
                        new LikelihoodEstimator.Column("iwae", 10),
                        new LikelihoodEstimator.Column("iwae", 25));
        assertThat(sampling.workPerExample()).isEqualTo(25);
    }

    @Test
    void logAddExpNeitherOverflowsNorUnderflows() {
        assertThat(ImportanceSampling.logAddExp(Double.NEGATIVE_INFINITY, -3)).isEqualTo(-3);
        assertThat(ImportanceSampling.logAddExp(-1e4, -1e4)).isCloseTo(-1e4 + Math.log(2), within(1e-9));
        assertThat(ImportanceSampling.logAddExp(800, 799)).isCloseTo(800 + Math.log1p(Math.exp(-1)), within(1e-9));
    }

    private static double[][] estimate(long budget) {
        ScriptedModel scripted = new ScriptedModel();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(X, new Shape(X.length, 1));
            return new ImportanceSampling(scripted.model, KS, 1, budget).estimate(x, context(manager), done -> {});
        }
    }

    private static StepContext context(NDManager manager) {
        return StepContext.evaluation(0, manager, new ParameterStore(manager, false));
    }

    /** [elbo, iwae k...][example] from the scripted log-weights, in doubles. */
    private static double[][] byHand() {
        double[][] out = new double[KS.size() + 1][X.length];
        for (int b = 0; b < X.length; b++) {
            double sum = 0;
            for (int s = 0; s < 25; s++) {
                sum += ScriptedModel.logWeight(s, X[b]);
            }
            out[0][b] = sum / 25;
            for (int j = 0; j < KS.size(); j++) {
                int k = KS.get(j);
                double largest = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < k; s++) {
                    largest = Math.max(largest, ScriptedModel.logWeight(s, X[b]));
                }
                double total = 0;
                for (int s = 0; s < k; s++) {
                    total += Math.exp(ScriptedModel.logWeight(s, X[b]) - largest);
                }
                out[j + 1][b] = largest + Math.log(total / k);
            }
        }
        return out;
    }
}
