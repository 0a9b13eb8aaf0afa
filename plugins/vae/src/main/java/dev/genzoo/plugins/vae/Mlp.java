package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
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
    static final Option<List<Integer>> HIDDEN = Option.integers(
                    "hidden", List.of(400), "hidden layer widths, comma-separated")
            .atLeast(1);
    static final Option<String> ACTIVATION = Option.choice(
            "activation", "relu", "activation between layers", "relu", "tanh", "softplus", "elu", "gelu", "silu");

    /**
     * Output elements (rows x units) from which a linear layer adds its bias in place after the
     * product, 2^18 floats (1 MiB), rather than through libtorch's addmm.
     */
    static final long IN_PLACE_BIAS_FROM = 1L << 18;

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
        return rows.reshape(
                shape.slice(0, shape.dimension() - 1).add(rows.getShape().tail()));
    }

    /** Applies the network to [N, in] rows, layer by layer. */
    NDArray forward(NDArray rows, StepContext context) {
        NDList current = new NDList(rows);
        for (Block layer : block.getChildren().values()) {
            current = layer instanceof Linear
                    ? new NDList(linear((Linear) layer, current.singletonOrThrow(), context))
                    : layer.forward(context.parameterStore(), current, context.training());
        }
        return current.singletonOrThrow();
    }

    /**
     * rows W^T + b for one linear layer, its weight and bias read through the step's store. A wide
     * output, such as a decoder's data-sized last layer over K x B importance samples, takes the
     * product and then adds the bias in place: libtorch 2.7.1's addmm first copies the broadcast
     * bias into the fresh output and then reads it back in the GEMM (beta = 1), and in iwae-k5 that
     * copy alone took ~0.7 ms of a ~17 ms step. A narrow output keeps addmm, one native call.
     */
    private static NDArray linear(Linear layer, NDArray rows, StepContext context) {
        ParameterList parameters = layer.getParameters();
        NDArray weight =
                context.parameterStore().getValue(parameters.get("weight"), rows.getDevice(), context.training());
        NDArray bias = context.parameterStore().getValue(parameters.get("bias"), rows.getDevice(), context.training());
        if (rows.getShape().get(0) * weight.getShape().get(0) < IN_PLACE_BIAS_FROM) {
            return Linear.linear(rows, weight, bias).singletonOrThrow();
        }
        return Linear.linear(rows, weight, null).singletonOrThrow().addi(bias);
    }

    SequentialBlock block() {
        return block;
    }
}
