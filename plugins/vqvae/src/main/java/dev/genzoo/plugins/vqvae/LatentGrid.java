package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import java.util.List;

/**
 * The decoders' view of the encoder's latent: a grid (D, h, w) that their mirrored upsampling must
 * turn back into the data's height and width; latents with leading sample axes are folded into
 * the batch and unfolded again.
 */
final class LatentGrid {
    private LatentGrid() {}

    /** The encoder's sizes per level, checked against the encoder's latent grid. */
    static long[][] sizes(BuildContext context, List<Integer> channels) {
        Shape latent = context.latentShape();
        if (latent.dimension() != 3) {
            throw new GenzooException(
                    "a convolutional decoder reads latent grids (channels, height, width), but the encoder's latents have shape "
                            + latent
                            + "; choose an MLP decoder");
        }
        long[][] sizes = GridSizes.of(context.dataShape(), channels.size());
        long[] grid = sizes[channels.size()];
        if (grid[0] != latent.get(1) || grid[1] != latent.get(2)) {
            throw new GenzooException(String.format(
                    "with %d upsamplings the decoder expects a %dx%d latent grid, but the encoder gives %dx%d;"
                            + " give encoder and decoder the same -P channels",
                    channels.size(), grid[0], grid[1], latent.get(1), latent.get(2)));
        }
        return sizes;
    }

    /** [..., D, h, w] folded to [N, D, h, w]. */
    static NDArray fold(NDArray z) {
        Shape s = z.getShape();
        int rank = s.dimension();
        return z.reshape(new Shape(-1).addAll(s.slice(rank - 3)));
    }

    /** The leading axes of z, before its last three. */
    static Shape leading(NDArray z) {
        Shape s = z.getShape();
        return s.slice(0, s.dimension() - 3);
    }
}
