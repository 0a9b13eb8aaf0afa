package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import java.util.List;
import java.util.function.Function;

/**
 * A multilayer perceptron in -> hidden... -> out, each linear layer initialized as PyTorch's
 * nn.Linear (weights and biases uniform in +-1/sqrt(fan_in)), so runs compare with PyTorch ones.
 */
final class Mlp {
    static final Option<List<Integer>> HIDDEN =
            Option.integers("hidden", List.of(400), "hidden layer widths, comma-separated")
                    .atLeast(1);
    static final Option<String> ACTIVATION =
            Option.choice(
                    "activation",
                    "relu",
                    "activation between layers",
                    "relu",
                    "tanh",
                    "softplus",
                    "elu",
                    "gelu",
                    "silu");

    private final SequentialBlock block;

    Mlp(NDManager manager, long in, List<Integer> hidden, long out, String activation) {
        Function<NDList, NDList> act = activation(activation);
        block = new SequentialBlock();
        long fanIn = in;
        for (int width : hidden) {
            block.add(linear(width, fanIn)).add(act);
            fanIn = width;
        }
        block.add(linear(out, fanIn));
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in));
    }

    private static Linear linear(long units, long fanIn) {
        Linear layer = Linear.builder().setUnits(units).build();
        float bound = (float) (1 / Math.sqrt(fanIn));
        layer.setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
        layer.setInitializer(new UniformInitializer(bound), Parameter.Type.BIAS);
        return layer;
    }

    private static Function<NDList, NDList> activation(String name) {
        switch (name) {
            case "relu":
                return Activation::relu;
            case "tanh":
                return Activation::tanh;
            case "softplus":
                return Activation::softPlus;
            case "elu":
                return list -> new NDList(Activation.elu(list.singletonOrThrow(), 1f));
            case "gelu":
                return Activation::gelu;
            case "silu":
                // x * sigmoid(x), written out: Activation.swish multiplies by a Java number, which
                // autograd cannot keep safely (see dev.genzoo.api.Scalars)
                return list -> {
                    NDArray x = list.singletonOrThrow();
                    return new NDList(x.mul(x.getNDArrayInternal().sigmoid()));
                };
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /**
     * Applies the network to the last axis of [..., in] (one batched call for any leading axes,
     * such as [K, B, latent] importance samples) and returns [..., out].
     */
    NDArray forwardLast(NDArray input, StepContext context) {
        Shape shape = input.getShape();
        if (shape.dimension() == 2) {
            return forward(input, context);
        }
        NDArray rows = forward(input.reshape(-1, shape.tail()), context);
        return rows.reshape(shape.slice(0, shape.dimension() - 1).add(rows.getShape().tail()));
    }

    /** Applies the network to [N, in] rows. */
    NDArray forward(NDArray rows, StepContext context) {
        return block.forward(context.parameterStore(), new NDList(rows), context.training())
                .singletonOrThrow();
    }

    SequentialBlock block() {
        return block;
    }
}
