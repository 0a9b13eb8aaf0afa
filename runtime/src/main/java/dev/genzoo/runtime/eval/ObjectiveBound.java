package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The objective's own per-example bound on log p(x) ({@link ObjectiveValue#bound()}), for encoder
 * kinds the runtime has no importance sampler for: a point mass has no density to sample from,
 * a bijection's likelihood is exact, a fixed process is bounded by its objective.
 */
final class ObjectiveBound implements LikelihoodEstimator {
    private final GenerativeModel model;
    private final Objective objective;
    private final String objectiveName;

    ObjectiveBound(GenerativeModel model, Objective objective, String objectiveName) {
        this.model = model;
        this.objective = objective;
        this.objectiveName = objectiveName;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("bound", 0));
    }

    @Override
    public long workPerExample() {
        return 1;
    }

    @Override
    public String description() {
        return "the bound of objective '" + objectiveName + "'";
    }

    @Override
    public double[][] estimate(NDArray x, StepContext context, LongConsumer progress) {
        ObjectiveValue value = objective.evaluate(x, model, context);
        NDArray bound = value.bound()
                .orElseThrow(() -> new GenzooException("objective '"
                        + objectiveName
                        + "' reports no bound on log p(x), and this encoder kind has no"
                        + " other estimate; there is nothing to evaluate"));
        float[] values = bound.toFloatArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        progress.accept(values.length);
        return new double[][] {out};
    }
}
