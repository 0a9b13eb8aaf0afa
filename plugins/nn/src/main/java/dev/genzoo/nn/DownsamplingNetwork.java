package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional encoder's network (van den Oord et al. 2017, section 4.1): 4x4 convolutions with
 * stride 2, each followed by a ReLU, mapping images [B, C, H, W] to features [B, c_L, H / 2^L, W /
 * 2^L]; for a VQ-VAE then a 3x3 convolution to the code dimension, z_e(x), without a ReLU.
 */
public final class DownsamplingNetwork {
    private final List<ConvLayer> layers = new ArrayList<>();
    private final boolean toCode;

    /**
     * The halvings, then a 3x3 convolution to {@code codeDim} channels (layers down0, down1, ...,
     * to_code).
     *
     * @param manager the model's manager
     * @param inChannels the image's channels C
     * @param channels the output channels of each halving
     * @param codeDim the last convolution's output channels
     */
    public DownsamplingNetwork(NDManager manager, long inChannels, List<Integer> channels, long codeDim) {
        this(manager, inChannels, channels, codeDim, true);
    }

    private DownsamplingNetwork(
            NDManager manager, long inChannels, List<Integer> channels, long codeDim, boolean toCode) {
        this.toCode = toCode;
        long in = inChannels;
        for (int i = 0; i < channels.size(); i++) {
            layers.add(new ConvLayer(manager, "down" + i, in, channels.get(i), 4, 2, 1));
            in = channels.get(i);
        }
        if (toCode) {
            layers.add(new ConvLayer(manager, "to_code", in, codeDim, 3, 1, 1));
        }
    }

    /**
     * The halvings alone, each followed by a ReLU (layers down0, down1, ...): the features a dense
     * layer reads.
     *
     * @param manager the model's manager
     * @param inChannels the image's channels C
     * @param channels the output channels of each halving
     * @return the network
     */
    public static DownsamplingNetwork features(NDManager manager, long inChannels, List<Integer> channels) {
        return new DownsamplingNetwork(manager, inChannels, channels, 0, false);
    }

    /**
     * Maps images to features, or to z_e(x).
     *
     * @param x [B, C, H, W]
     * @param context the pass
     * @return [B, c_L or D, H / 2^L, W / 2^L]
     */
    public NDArray forward(NDArray x, StepContext context) {
        NDArray h = x;
        int rectified = toCode ? layers.size() - 1 : layers.size();
        for (int i = 0; i < rectified; i++) {
            h = Activation.relu(layers.get(i).forward(h, context));
        }
        return toCode ? layers.get(layers.size() - 1).forward(h, context) : h;
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
