package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import dev.genzoo.api.Condition;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.Parameters;
import java.util.Optional;

/**
 * The condition's embedding for a classifier-free guided denoiser (Ho and Salimans 2022, algorithm
 * 1): a learned row per feature of the condition and one more for the "null" condition, which
 * replaces the condition with probability p_uncond in training and stands for it whenever a pass
 * carries none, so that one network learns eps(x_t, y) and eps(x_t, null) together.
 */
final class ClassEmbedding {
    private final int features;
    private final double unconditional;
    private final Parameter table;

    /**
     * A table of F + 1 rows, initialized N(0, 1) as nn.Embedding's.
     *
     * @param manager the model's manager
     * @param features F, the size of the condition's features
     * @param width the embedding's width
     * @param unconditional p_uncond, the probability that training drops a condition
     */
    ClassEmbedding(NDManager manager, int features, int width, double unconditional) {
        this.features = features;
        this.unconditional = unconditional;
        this.table = Parameters.initialized(
                manager,
                "class.embedding",
                Parameter.Type.WEIGHT,
                new Shape(features + 1L, width),
                new NormalInitializer(1f));
    }

    /** The table, F rows of the features and the null row last. */
    Parameter table() {
        return table;
    }

    /**
     * Which examples of a training pass lose their condition: each independently with probability
     * p_uncond, drawn from the engine's generator, which the runtime seeds for every step.
     *
     * @param batch B
     * @param manager where to draw
     * @return [B, 1] float32, 1 where the condition is dropped
     */
    NDArray dropped(long batch, NDManager manager) {
        return manager.randomUniform(0f, 1f, new Shape(batch, 1), DataType.FLOAT32)
                .lt(unconditional)
                .toType(DataType.FLOAT32, false);
    }

    /**
     * The embedding of a pass's condition: each example's features times the table, the null row
     * for examples whose condition training drops, and the null row alone ([1, width]) for a pass
     * without a condition. A batch of k blocks of the condition's B examples (the bound's draws of
     * t) reads the condition repeated k times.
     *
     * @param like the network's input, [B or k B, ...], on the pass's device
     * @param context the pass
     * @return [B or k B, width], or [1, width] without a condition
     */
    NDArray embed(NDArray like, StepContext context) {
        NDArray weights = Parameters.value(table, like, context);
        Optional<Condition> condition = context.condition();
        if (condition.isEmpty()) {
            return weights.get(features).expandDims(0);
        }
        NDArray given = condition.get().features();
        long batch = given.getShape().get(0);
        NDArray drop = context.training() && unconditional > 0
                ? dropped(batch, context.manager())
                : context.manager().zeros(new Shape(batch, 1));
        NDArray kept = given.mul(drop.neg().add(1f));
        NDArray embedded = kept.concat(drop, 1).matMul(weights);
        long rows = like.getShape().get(0);
        if (rows != batch && rows % batch == 0) {
            embedded = embedded.tile(new long[] {rows / batch, 1});
        }
        return embedded;
    }
}
