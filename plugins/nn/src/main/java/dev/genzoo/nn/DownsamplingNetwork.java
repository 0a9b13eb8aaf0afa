package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The VQ-VAE encoder's network (van den Oord et al. 2017, section 4.1): 4x4 convolutions with
 * stride 2, each followed by a ReLU, then a 3x3 convolution to the code dimension, mapping an
 * image [B, C, H, W] to z_e(x) of shape [B, D, H / 2^L, W / 2^L].
 */
final class DownsamplingNetwork {
    private final List<ConvLayer> layers = new ArrayList<>();

    DownsamplingNetwork(NDManager manager, long inChannels, List<Integer> channels, long codeDim) {
        long in = inChannels;
        for (int i = 0; i < channels.size(); i++) {
            layers.add(new ConvLayer(manager, "down" + i, in, channels.get(i), 4, 2, 1));
            in = channels.get(i);
        }
        layers.add(new ConvLayer(manager, "to_code", in, codeDim, 3, 1, 1));
    }

    /** z_e(x) for images [B, C, H, W]. */
    NDArray forward(NDArray x, StepContext context) {
        NDArray h = x;
        for (int i = 0; i < layers.size() - 1; i++) {
            h = Activation.relu(layers.get(i).forward(h, context));
        }
        return layers.get(layers.size() - 1).forward(h, context);
    }

    ParameterList parameters() {
        ParameterList list = new ParameterList();
        layers.forEach(layer -> layer.addTo(list));
        return list;
    }
}
