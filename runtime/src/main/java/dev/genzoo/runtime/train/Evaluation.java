package dev.genzoo.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.data.Batch;
import dev.genzoo.runtime.data.Examples;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objective averaged over a whole split, without gradients: the loss, each term and, where
 * the objective has one, the mean per-example bound on log p(x) in nats ({@code bound}) and the
 * same in bits per dimension ({@code bits_per_dim}, -bound / (D ln 2)).
 */
public final class Evaluation {
    /** The key of the mean bound on log p(x) in the result. */
    public static final String BOUND = "bound";
    /** The key of the bound in bits per data dimension, -bound / (D ln 2), in the result. */
    public static final String BITS_PER_DIMENSION = "bits_per_dim";

    private Evaluation() {}

    /**
     * Evaluates a split in batches, each in its own scope.
     *
     * @param model the model
     * @param data the split on the model's device
     * @param batchSize examples per forward pass
     * @param step the number of training steps taken, for the context
     * @return the means over all N examples, by name
     */
    public static Map<String, Double> run(AssembledModel model, Examples data, int batchSize, long step) {
        return run(model, data, batchSize, step, 0);
    }

    /**
     * Evaluates a split of dequantized data: the objective bounds the density of the continuous
     * values, and adding the log-volume of a quantization cell, -D log K, makes it a bound on the
     * probability of the discrete ones (Theis et al. 2016, section 3.1), which is what {@code bound}
     * and {@code bits_per_dim} then report.
     *
     * @param model the model
     * @param data the split on the model's device
     * @param batchSize examples per forward pass
     * @param step the number of training steps taken, for the context
     * @param logCellVolume added to every example's bound: -D log K, or 0 for data that was not
     *     dequantized
     * @return the means over all N examples, by name
     */
    public static Map<String, Double> run(
            AssembledModel model, Examples data, int batchSize, long step, double logCellVolume) {
        long n = data.size();
        StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
        Map<String, Double> sums = new LinkedHashMap<>();
        for (long start = 0; start < n; start += batchSize) {
            long end = Math.min(n, start + batchSize);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Batch examples = data.batch(start, end);
                NDArray batch = examples.x();
                ObjectiveValue value =
                        model.objective().evaluate(batch, model.model(), model.forBatch(context, examples));
                long size = end - start;
                NDList scalars = new NDList(value.loss().mul(size));
                value.terms().values().forEach(t -> scalars.add(t.mul(size)));
                value.bound().ifPresent(b -> scalars.add(b.sum()));
                double[] numbers = TrainingStep.toDoubles(NDArrays.stack(scalars));
                int i = 0;
                sums.merge("loss", numbers[i++], Double::sum);
                for (String name : value.terms().keySet()) {
                    sums.merge(name, numbers[i++], Double::sum);
                }
                if (value.bound().isPresent()) {
                    sums.merge(BOUND, numbers[i], Double::sum);
                }
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum / n));
        Double bound = means.get(BOUND);
        if (bound != null) {
            double discrete = bound + logCellVolume;
            long dimensions = data.exampleShape().size();
            means.put(BOUND, discrete);
            means.put(BITS_PER_DIMENSION, -discrete / (dimensions * Math.log(2)));
        }
        return means;
    }
}
