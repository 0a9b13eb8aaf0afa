package dev.genzoo.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.wiring.AssembledModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objective averaged over a whole split, without gradients: the loss, each term and, where
 * the objective has one, the mean per-example bound on log p(x) in nats ({@code bound}).
 */
public final class Evaluation {
    /** The key of the mean bound on log p(x) in the result. */
    public static final String BOUND = "bound";

    private Evaluation() {}

    /**
     * Evaluates a split in batches, each in its own scope.
     *
     * @param model the model
     * @param data the split on the model's device, [N, data...]
     * @param batchSize examples per forward pass
     * @param step the number of training steps taken, for the context
     * @return the means over all N examples, by name
     */
    public static Map<String, Double> run(AssembledModel model, NDArray data, int batchSize, long step) {
        long n = data.getShape().get(0);
        StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
        Map<String, Double> sums = new LinkedHashMap<>();
        for (long start = 0; start < n; start += batchSize) {
            long end = Math.min(n, start + batchSize);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray batch = data.get(new NDIndex().addSliceDim(start, end));
                ObjectiveValue value = model.objective().evaluate(batch, model.model(), context);
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
        return means;
    }
}
