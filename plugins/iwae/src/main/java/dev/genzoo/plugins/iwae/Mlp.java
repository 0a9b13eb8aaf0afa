package dev.genzoo.plugins.iwae;

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
 * A multilayer perceptron, the deterministic layers between the stochastic ones (Burda et al.
 * 2016, section 5): in -> hidden... -> out, each linear layer initialized as PyTorch's nn.Linear,
 * uniform in +-1/sqrt(fan_in). Its options and defaults are those of the vae plugin's networks, so
 * {@code -P hidden=200,200} shapes both alike. Reads its parameters through the step's store.
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

    private final SequentialBlock block = new SequentialBlock();

    Mlp(NDManager manager, long in, List<Integer> hidden, long out, String activation) {
        Function<NDList, NDList> act = activation(activation);
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
            case "tanh":
                return Activation::tanh;
            case "relu":
                return Activation::relu;
            case "softplus":
                return Activation::softPlus;
            case "elu":
                return list -> new NDList(Activation.elu(list.singletonOrThrow(), 1f));
            case "gelu":
                return Activation::gelu;
            case "silu":
                // x * sigmoid(x) with no Java number in the graph (see dev.genzoo.api.Scalars)
                return list -> {
                    NDArray x = list.singletonOrThrow();
                    return new NDList(x.mul(x.getNDArrayInternal().sigmoid()));
                };
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** Applies the network to the last axis of x, any leading axes kept: [..., in] to [..., out]. */
    NDArray forward(NDArray x, StepContext context) {
        Shape shape = x.getShape();
        Shape leading = shape.slice(0, shape.dimension() - 1);
        NDArray rows = x.reshape(-1, shape.get(shape.dimension() - 1));
        NDList current = new NDList(rows);
        for (Block layer : block.getChildren().values()) {
            current = layer instanceof Linear
                    ? new NDList(linear((Linear) layer, current.singletonOrThrow(), context))
                    : layer.forward(context.parameterStore(), current, context.training());
        }
        NDArray out = current.singletonOrThrow();
        return out.reshape(leading.add(out.getShape().get(1)));
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

    ParameterList parameters() {
        return block.getParameters();
    }
}
