package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;

/**
 * One named convolution of the convolutional encoders and decoders (van den Oord et al. 2017,
 * section 4.1), a {@link Convolution} whose parameters are listed as NAME_weight and NAME_bias.
 */
public final class ConvLayer {
    private final String name;
    private final Convolution convolution;

    /**
     * A layer at PyTorch's default initialization.
     *
     * @param manager the model's manager
     * @param name the prefix of its parameters' names
     * @param in input channels
     * @param out output channels
     * @param kernel the window's side
     * @param stride the step between windows
     * @param padding zeros added on every side
     */
    public ConvLayer(NDManager manager, String name, long in, long out, int kernel, int stride, int padding) {
        this.name = name;
        this.convolution = Convolution.builder(in, out, kernel)
                .stride(stride)
                .padding(padding)
                .names(name + "_weight", name + "_bias")
                .build(manager);
    }

    /**
     * Convolves a batch.
     *
     * @param x [N, in, H, W]
     * @param context the pass
     * @return [N, out, H', W']
     */
    public NDArray forward(NDArray x, StepContext context) {
        return convolution.forward(x, context);
    }

    /**
     * For a 3x3 layer with stride 1 and padding 1: convolves the nearest doubling of a batch.
     *
     * @param x [N, in, H, W]
     * @param subPixel the sub-pixel form
     * @param context the pass
     * @return [N, out, 2H, 2W]
     */
    public NDArray forwardDoubled(NDArray x, SubPixelConvolution subPixel, StepContext context) {
        return convolution.forwardDoubled(x, subPixel, context);
    }

    /**
     * Adds this layer's weight and bias to a list, under their names.
     *
     * @param list the list
     */
    public void addTo(ParameterList list) {
        list.add(name + "_weight", convolution.weight());
        list.add(name + "_bias", convolution.bias());
    }
}
