package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional decoder's network, the encoder mirrored: a 3x3 convolution from the code dimension,
 * then per level a nearest-neighbour upsampling to the encoder's size at that level and a 3x3
 * convolution, ReLUs between. Upsample-then-convolve stands in for the transposed convolutions of
 * van den Oord et al. (2017), which DJL's PyTorch engine lacks; Odena et al. (2016) show it also
 * avoids their checkerboard artifacts.
 */
public final class UpsamplingNetwork {
    private final List<ConvLayer> layers = new ArrayList<>();
    private final long[][] sizes;
    private final SubPixelConvolution subPixel;

    /**
     * The layers from_code, up(L-1), ..., up1, to_data.
     *
     * @param manager the model's manager
     * @param codeDim the channels of the grid it reads
     * @param channels the encoder's channels per halving, mirrored
     * @param outChannels the output's channels
     * @param sizes the encoder's sizes (height, width), level 0 (the data) to L (the grid it reads)
     */
    public UpsamplingNetwork(
            NDManager manager, long codeDim, List<Integer> channels, long outChannels, long[][] sizes) {
        this.sizes = sizes;
        this.subPixel = new SubPixelConvolution(manager);
        int levels = channels.size();
        layers.add(new ConvLayer(manager, "from_code", codeDim, channels.get(levels - 1), 3, 1, 1));
        for (int l = levels - 1; l >= 1; l--) {
            layers.add(new ConvLayer(manager, "up" + l, channels.get(l), channels.get(l - 1), 3, 1, 1));
        }
        layers.add(new ConvLayer(manager, "to_data", channels.get(0), outChannels, 3, 1, 1));
    }

    /**
     * Maps grids to images.
     *
     * @param z [N, D, h, w]
     * @param context the pass
     * @return [N, outChannels, H, W]
     */
    public NDArray forward(NDArray z, StepContext context) {
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
     *
     * @param h [N, C, H, W]
     * @param size the new height and width
     * @return [N, C, size]
     */
    public static NDArray nearest(NDArray h, long[] size) {
        return h.getNDArrayInternal().interpolation(size, 0, false);
    }

    /**
     * The layers' parameters, under their names.
     *
     * @return a new list
     */
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        layers.forEach(layer -> layer.addTo(list));
        return list;
    }
}
