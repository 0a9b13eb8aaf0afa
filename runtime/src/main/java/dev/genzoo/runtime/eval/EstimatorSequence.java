package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Several estimators run one after another on each batch, their columns side by side in the order
 * given (importance sampling, then annealed importance sampling), the last estimator's last column
 * the tightest.
 */
final class EstimatorSequence implements LikelihoodEstimator {
    private final List<LikelihoodEstimator> estimators;

    EstimatorSequence(List<LikelihoodEstimator> estimators) {
        this.estimators = List.copyOf(estimators);
    }

    /** The estimators, in order. */
    List<LikelihoodEstimator> estimators() {
        return estimators;
    }

    @Override
    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        estimators.forEach(e -> columns.addAll(e.columns()));
        return columns;
    }

    @Override
    public long workPerExample() {
        return estimators.stream()
                .mapToLong(LikelihoodEstimator::workPerExample)
                .sum();
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        estimators.forEach(e -> parts.add(e.description()));
        return String.join("; ", parts);
    }

    @Override
    public double[][] estimate(NDArray x, StepContext context, LongConsumer progress) {
        List<double[]> out = new ArrayList<>();
        long b = x.getShape().get(0);
        long before = 0;
        for (LikelihoodEstimator estimator : estimators) {
            long offset = before;
            for (double[] column : estimator.estimate(x, context, done -> progress.accept(offset + done))) {
                out.add(column);
            }
            before += estimator.workPerExample() * b;
        }
        return out.toArray(new double[0][]);
    }
}
