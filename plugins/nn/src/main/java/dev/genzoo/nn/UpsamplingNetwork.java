package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.SubPixelConvolution;
import java.util.ArrayList;
import java.util.List;

/**
 * The VQ-VAE decoder's network, the encoder mirrored: a 3x3 convolution from the code dimension,
 * then per level a nearest-neighbour upsampling to the encoder's size at that level and a 3x3
 * convolution, ReLUs between. Upsample-then-convolve stands in for the transposed convolutions of
 * van den Oord et al. (2017), which DJL's PyTorch engine lacks; Odena et al. (2016) show it also
 * avoids their checkerboard artifacts.
 */
final class UpsamplingNetwork {
    private final List<ConvLayer> layers = new ArrayList<>();
    private final long[][] sizes;
    private final SubPixelConvolution subPixel;

    /**
     * @param sizes the encoder's sizes, level 0 (the data) to L (the code grid), from {@link
     *     GridSizes}
     */
    UpsamplingNetwork(NDManager manager, long codeDim, List<Integer> channels, long outChannels, long[][] sizes) {
        this.sizes = sizes;
        this.subPixel = new SubPixelConvolution(manager);
        int levels = channels.size();
        layers.add(new ConvLayer(manager, "from_code", codeDim, channels.get(levels - 1), 3, 1, 1));
        for (int l = levels - 1; l >= 1; l--) {
            layers.add(new ConvLayer(manager, "up" + l, channels.get(l), channels.get(l - 1), 3, 1, 1));
        }
        layers.add(new ConvLayer(manager, "to_data", channels.get(0), outChannels, 3, 1, 1));
    }

    /** Maps code grids [N, D, h, w] to [N, outChannels, H, W]. */
    NDArray forward(NDArray z, StepContext context) {
        NDArray h = Activation.relu(layers.get(0).forward(z, context));
        int levels = sizes.length - 1;
        for (int i = 1; i < layers.size(); i++) {
            long[] size = sizes[levels - i];
            Shape s = h.getShape();
            if (size[0] == 2 * s.get(2) && size[1] == 2 * s.get(3)) {
                h = layers.get(i).forwardDoubled(h, subPixel, context);
            } else {
                h = layers.get(i).forward(nearest(h, size), context);
            }
            if (i < layers.size() - 1) {
                h = Activation.relu(h);
            }
        }
        return h;
    }

    /**
     * Nearest-neighbour upsampling of [N, C, H, W] to [N, C, size], source pixel floor(i * in /
     * out), by the engine's own kernel (PyTorch's {@code upsample_nearest2d}) and its backward: for
     * levels that do not exactly double (odd sizes). Doublings take {@link SubPixelConvolution}.
     */
    static NDArray nearest(NDArray h, long[] size) {
        return h.getNDArrayInternal().interpolation(size, 0, false);
    }

    ParameterList parameters() {
        ParameterList list = new ParameterList();
        layers.forEach(layer -> layer.addTo(list));
        return list;
    }
}
