package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.Convolution;
import dev.genzoo.nn.SubPixelConvolution;

/**
 * One convolution of the VQ-VAE networks (van den Oord et al. 2017, section 4.1), nn's {@link
 * Convolution} under a name: its parameters are listed as NAME_weight and NAME_bias.
 */
final class ConvLayer {
    private final String name;
    private final Convolution convolution;

    ConvLayer(NDManager manager, String name, long in, long out, int kernel, int stride, int padding) {
        this.name = name;
        this.convolution = Convolution.builder(in, out, kernel)
                .stride(stride)
                .padding(padding)
                .names(name + "_weight", name + "_bias")
                .build(manager);
    }

    /** Convolves a batch [N, in, H, W] to [N, out, H', W']. */
    NDArray forward(NDArray x, StepContext context) {
        return convolution.forward(x, context);
    }

    /** For a 3x3 layer with stride 1 and padding 1: convolves the nearest doubling of [N, in, H, W] to [N, out, 2H, 2W]. */
    NDArray forwardDoubled(NDArray x, SubPixelConvolution subPixel, StepContext context) {
        return convolution.forwardDoubled(x, subPixel, context);
    }

    /** Adds this layer's weight and bias to a list, under their names. */
    void addTo(ParameterList list) {
        list.add(name + "_weight", convolution.weight());
        list.add(name + "_bias", convolution.bias());
    }
}
