package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import java.util.List;

/**
 * A convolutional decoder's network from a latent to images: a latent grid (D, h, w) goes straight
 * to the {@link UpsamplingNetwork} (van den Oord et al. 2017, section 4.1); a latent vector (L)
 * first through a dense layer and a ReLU to the coarsest grid (c_L, h_L, w_L), projected and
 * reshaped as in DCGAN's generator (Radford et al. 2016), and in a conditional model the
 * condition's features are appended to the vector (Sohn et al. 2015). Latents with
 * leading sample axes are folded into the batch and unfolded again.
 */
public final class ConvolutionalDecoderNetwork {
    private final Dense fromLatent;
    private final Shape grid;
    private final UpsamplingNetwork network;
    private final Shape imageShape;
    private final boolean conditioned;

    private ConvolutionalDecoderNetwork(
            Dense fromLatent, Shape grid, UpsamplingNetwork network, Shape imageShape, boolean conditioned) {
        this.fromLatent = fromLatent;
        this.grid = grid;
        this.network = network;
        this.imageShape = imageShape;
        this.conditioned = conditioned;
    }

    /**
     * The network for the encoder in a context.
     *
     * @param context the encoder built, the data shape (C, H, W) and the condition's size
     * @param channels the encoder's channels per halving, mirrored
     * @param sizes the sizes (height, width) of levels 0 (the data) to L; for a latent grid, level L
     *     is its size
     * @param outputsPerValue the outputs the head reads per pixel value ({@link OutputHead#outputsPerValue()})
     * @return the network
     * @throws GenzooException if the latent is neither a vector nor a grid
     */
    public static ConvolutionalDecoderNetwork create(
            BuildContext context, List<Integer> channels, long[][] sizes, int outputsPerValue) {
        Shape latent = context.latentShape();
        Shape data = context.dataShape();
        Shape image = new Shape(data.get(0) * outputsPerValue, data.get(1), data.get(2));
        int levels = channels.size();
        if (latent.dimension() == 3) {
            return new ConvolutionalDecoderNetwork(
                    null,
                    null,
                    new UpsamplingNetwork(context.manager(), latent.get(0), channels, image.get(0), sizes),
                    image,
                    false);
        }
        if (latent.dimension() != 1) {
            throw new GenzooException("a convolutional decoder reads latent vectors or grids (channels, height,"
                    + " width), but the encoder's latents have shape " + latent);
        }
        long coarsest = channels.get(levels - 1);
        Shape grid = new Shape(coarsest, sizes[levels][0], sizes[levels][1]);
        int condition = context.conditionSize();
        Dense dense = Dense.builder(latent.get(0) + condition, grid.size())
                .names("from_latent_weight", "from_latent_bias")
                .build(context.manager());
        UpsamplingNetwork network = new UpsamplingNetwork(context.manager(), coarsest, channels, image.get(0), sizes);
        return new ConvolutionalDecoderNetwork(dense, grid, network, image, condition > 0);
    }

    /**
     * Whether the network reads a condition beside each latent.
     *
     * @return true in a conditional model with latent vectors
     */
    public boolean conditioned() {
        return conditioned;
    }

    /**
     * Maps latents to images of the head's outputs.
     *
     * @param z [..., L] or [..., D, h, w]
     * @param context the pass
     * @return [..., C * outputs per value, H, W]
     */
    public NDArray forward(NDArray z, StepContext context) {
        Shape s = z.getShape();
        int rank = s.dimension();
        NDArray h;
        Shape leading;
        if (fromLatent == null) {
            leading = s.slice(0, rank - 3);
            h = z.reshape(new Shape(-1).addAll(s.slice(rank - 3)));
        } else {
            leading = s.slice(0, rank - 1);
            NDArray input = z;
            if (conditioned) {
                input = context.condition()
                        .orElseThrow(() -> new GenzooException("this decoder was built for a conditional model, and"
                                + " the latents came without a condition"))
                        .appendTo(z);
            }
            NDArray rows = input.reshape(-1, input.getShape().get(rank - 1));
            h = Activation.relu(fromLatent.forward(rows, context)).reshape(new Shape(-1).addAll(grid));
        }
        return network.forward(h, context).reshape(leading.addAll(imageShape));
    }

    /**
     * The dense layer's parameters, if any, then the upsampling network's.
     *
     * @return a new list
     */
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        if (fromLatent != null) {
            list.add("from_latent_weight", fromLatent.weight());
            list.add("from_latent_bias", fromLatent.bias());
        }
        network.parameters().forEach(pair -> list.add(pair.getKey(), pair.getValue()));
        return list;
    }
}
