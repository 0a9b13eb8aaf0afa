package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import dev.genzoo.api.StepContext;

/**
 * A 2-D convolution with a bias and a square kernel (LeCun et al. 1989), initialized as PyTorch's
 * nn.Conv2d (weights and biases uniform in +-1/sqrt(fan_in), fan_in = in_channels * kernel area)
 * or at zero.
 *
 * <p>Every convolution here works around a defect of libtorch 2.7.1 on the CPU: oneDNN's
 * convolution gives a wrong gradient with respect to its input whenever the number of output
 * channels is not a multiple of 16 (8 on CPUs without AVX-512), while its values and weight
 * gradients are right. When the input may take a gradient, the weight and bias are padded with zero
 * output channels up to a multiple of 16 and the output is cut back; the padding changes no value
 * and no parameter. DJL cannot tell whether an intermediate array takes a gradient ({@code
 * hasGradient()} is false for every array autograd computed), so "may" means: in a training pass,
 * or for an input that is itself a leaf taking a gradient.
 */
public final class Convolution {
    /** Output channels the CPU convolution's input gradient is right for: multiples of this. */
    static final long CHANNEL_MULTIPLE = 16;

    private static final Shape ONE = new Shape(1, 1);

    private final Parameter weight;
    private final Parameter bias;
    private final Shape stride;
    private final Shape padding;
    private final boolean samePadded3x3;

    private Convolution(Parameter weight, Parameter bias, int kernel, int stride, int padding) {
        this.weight = weight;
        this.bias = bias;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.samePadded3x3 = kernel == 3 && stride == 1 && padding == 1;
    }

    /**
     * A convolution from {@code in} to {@code out} channels with a kernel x kernel window, stride 1
     * and no padding unless given.
     *
     * @param in input channels
     * @param out output channels
     * @param kernel the window's side
     * @return a builder
     */
    public static Builder builder(long in, long out, int kernel) {
        return new Builder(in, out, kernel);
    }

    /**
     * Convolves a batch.
     *
     * @param x [N, in, H, W]
     * @param context the pass; the weight and bias are read through its store
     * @return [N, out, H', W']
     */
    public NDArray forward(NDArray x, StepContext context) {
        return convolve(
                x,
                Parameters.value(weight, x, context),
                Parameters.value(bias, x, context),
                stride,
                padding,
                mayTakeGradient(x, context));
    }

    /**
     * For a 3x3 convolution with stride 1 and padding 1: convolves the nearest-neighbour doubling
     * of a batch, computed in the {@link SubPixelConvolution sub-pixel form}.
     *
     * @param x [N, in, H, W]
     * @param subPixel the sub-pixel form
     * @param context the pass
     * @return [N, out, 2H, 2W]
     * @throws IllegalStateException for any other kernel, stride or padding
     */
    public NDArray forwardDoubled(NDArray x, SubPixelConvolution subPixel, StepContext context) {
        if (!samePadded3x3) {
            throw new IllegalStateException("the sub-pixel form is for 3x3 convolutions with stride 1 and padding 1");
        }
        return subPixel.apply(x, Parameters.value(weight, x, context), Parameters.value(bias, x, context), context);
    }

    /**
     * The kernel, shape [out, in, k, k].
     *
     * @return the parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * The bias, shape [out].
     *
     * @return the parameter
     */
    public Parameter bias() {
        return bias;
    }

    /** Whether x may take a gradient in this pass (see {@link Convolution}). */
    static boolean mayTakeGradient(NDArray x, StepContext context) {
        return context.training() || x.hasGradient();
    }

    /**
     * conv2d(x, weight, bias), its output channels padded to a multiple of 16 when x may take a
     * gradient on the CPU (see {@link Convolution}).
     */
    static NDArray convolve(
            NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, boolean mayTakeGradient) {
        long out = weight.getShape().get(0);
        long padded = (out + CHANNEL_MULTIPLE - 1) / CHANNEL_MULTIPLE * CHANNEL_MULTIPLE;
        if (padded == out || !mayTakeGradient || x.getDevice().isGpu()) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, ONE, 1).singletonOrThrow();
        }
        NDManager manager = x.getManager();
        Shape extra = new Shape(padded - out).addAll(weight.getShape().slice(1));
        NDArray paddedWeight = weight.concat(manager.zeros(extra, weight.getDataType()), 0);
        NDArray paddedBias = bias.concat(manager.zeros(new Shape(padded - out), bias.getDataType()), 0);
        return Conv2d.conv2d(x, paddedWeight, paddedBias, stride, padding, ONE, 1)
                .singletonOrThrow()
                .get(new NDIndex(":, :{}", out));
    }

    /** How a {@link Convolution} is made. */
    public static final class Builder {
        private final long in;
        private final long out;
        private final int kernel;
        private int stride = 1;
        private int padding;
        private boolean zero;
        private String weightName = "weight";
        private String biasName = "bias";

        private Builder(long in, long out, int kernel) {
            this.in = in;
            this.out = out;
            this.kernel = kernel;
        }

        /**
         * The step between windows, in both directions.
         *
         * @param step the stride
         * @return this builder
         */
        public Builder stride(int step) {
            this.stride = step;
            return this;
        }

        /**
         * Zeros added on every side.
         *
         * @param zeros the padding
         * @return this builder
         */
        public Builder padding(int zeros) {
            this.padding = zeros;
            return this;
        }

        /**
         * Start at zero weights and bias (a network's last layer in Ho et al.'s code).
         *
         * @param atZero whether to start at zero rather than at random
         * @return this builder
         */
        public Builder startAtZero(boolean atZero) {
            this.zero = atZero;
            return this;
        }

        /**
         * The parameters' own names (what messages and arrays show), "weight" and "bias" unless
         * given; the names a component lists them under are its own.
         *
         * @param weight the weight's name
         * @param bias the bias's name
         * @return this builder
         */
        public Builder names(String weight, String bias) {
            this.weightName = weight;
            this.biasName = bias;
            return this;
        }

        /**
         * Creates the weight, then the bias.
         *
         * @param manager the model's manager, which owns them
         * @return the convolution
         */
        public Convolution build(NDManager manager) {
            Shape shape = new Shape(out, in, kernel, kernel);
            long fanIn = in * kernel * kernel;
            Parameter w = zero
                    ? Parameters.constant(manager, weightName, Parameter.Type.WEIGHT, shape, 0f)
                    : Parameters.uniform(manager, weightName, Parameter.Type.WEIGHT, shape, fanIn);
            Parameter b = zero
                    ? Parameters.constant(manager, biasName, Parameter.Type.BIAS, new Shape(out), 0f)
                    : Parameters.uniform(manager, biasName, Parameter.Type.BIAS, new Shape(out), fanIn);
            return new Convolution(w, b, kernel, stride, padding);
        }
    }
}
