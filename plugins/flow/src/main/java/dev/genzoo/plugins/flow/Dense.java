package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.StepContext;

/**
 * An affine layer y = x W^T + b, initialized as PyTorch's nn.Linear (uniform in +-1/sqrt(fan_in))
 * or at zero, with an optional fixed 0/1 mask on W that cuts connections (Germain et al. 2015,
 * equation 8).
 */
final class Dense {
    private final Parameter weight;
    private final Parameter bias;
    private final NDArray mask;

    /**
     * A layer on the model's manager.
     *
     * @param manager the manager that owns the parameters (and the mask)
     * @param in input width
     * @param out output width
     * @param maskOrNull out * in values, row-major, 1 where W[o][i] is kept; null for none
     * @param zero start at W = 0, b = 0, so that the layer outputs zeros until trained
     */
    Dense(NDManager manager, long in, long out, float[] maskOrNull, boolean zero) {
        float bound = (float) (1 / Math.sqrt(in));
        Initializer init = zero ? new ConstantInitializer(0f) : new UniformInitializer(bound);
        weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in), init, manager);
        bias = parameter("bias", Parameter.Type.BIAS, new Shape(out), init, manager);
        mask = maskOrNull == null ? null : manager.create(maskOrNull, new Shape(out, in));
    }

    private static Parameter parameter(
            String name, Parameter.Type type, Shape shape, Initializer init, NDManager manager) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(shape)
                .optInitializer(init)
                .build();
        p.initialize(manager, DataType.FLOAT32);
        return p;
    }

    /** Applies the layer to rows [N, in]. */
    NDArray forward(NDArray x, StepContext context) {
        NDArray w = context.parameterStore().getValue(weight, x.getDevice(), context.training());
        NDArray b = context.parameterStore().getValue(bias, x.getDevice(), context.training());
        if (mask != null) {
            w = w.mul(mask);
        }
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    /** Adds {@code prefix.weight} and {@code prefix.bias} to a list. */
    void addParameters(ParameterList list, String prefix) {
        list.add(prefix + ".weight", weight);
        list.add(prefix + ".bias", bias);
    }
}
