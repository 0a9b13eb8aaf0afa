package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.StepContext;

/**
 * One 2-D convolution (LeCun et al. 1989) with a bias, initialized as PyTorch's nn.Conv2d
 * (weights and biases uniform in +-1/sqrt(fan_in), fan_in = in_channels * kernel area), so runs
 * compare with PyTorch ones. Its parameters are read through the step's store.
 */
final class ConvLayer {
    private final Parameter weight;
    private final Parameter bias;
    private final Shape stride;
    private final Shape padding;
    /** 3x3 with stride 1 and padding 1: the layers {@link SubPixelConvolution} can serve. */
    private final boolean samePadded3x3;

    ConvLayer(NDManager manager, String name, long in, long out, int kernel, int stride, int padding) {
        float bound = (float) (1 / Math.sqrt((double) in * kernel * kernel));
        this.weight = parameter(manager, name + "_weight", new Shape(out, in, kernel, kernel), bound);
        this.bias = parameter(manager, name + "_bias", new Shape(out), bound);
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.samePadded3x3 = kernel == 3 && stride == 1 && padding == 1;
    }

    private static Parameter parameter(NDManager manager, String name, Shape shape, float bound) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(new UniformInitializer(bound))
                .build();
        p.initialize(manager, DataType.FLOAT32);
        return p;
    }

    /** Convolves a batch [N, in, H, W] to [N, out, H', W']. */
    NDArray forward(NDArray x, StepContext context) {
        NDArray w = context.parameterStore().getValue(weight, x.getDevice(), context.training());
        NDArray b = context.parameterStore().getValue(bias, x.getDevice(), context.training());
        return Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1).singletonOrThrow();
    }

    /** For a 3x3 layer with stride 1 and padding 1: convolves the nearest doubling of [N, in, H, W] to [N, out, 2H, 2W]. */
    NDArray forwardDoubled(NDArray x, SubPixelConvolution subPixel, StepContext context) {
        if (!samePadded3x3) {
            throw new IllegalStateException("the sub-pixel form is for 3x3 convolutions with stride 1 and padding 1");
        }
        NDArray w = context.parameterStore().getValue(weight, x.getDevice(), context.training());
        NDArray b = context.parameterStore().getValue(bias, x.getDevice(), context.training());
        return subPixel.apply(x, w, b);
    }

    /** Adds this layer's weight and bias to a list, under their names. */
    void addTo(ParameterList list) {
        list.add(weight.getName(), weight);
        list.add(bias.getName(), bias);
    }
}
