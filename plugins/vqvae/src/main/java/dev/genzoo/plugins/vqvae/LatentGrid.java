package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import java.util.List;

/**
 * The decoders' view of the encoder's latent: a grid (D, h, w) that their mirrored upsampling must
 * turn back into the data's height and width, or a vector that a dense layer first maps to the
 * coarsest grid.
 */
final class LatentGrid {
    private LatentGrid() {}

    /** The encoder's sizes per level, checked against the encoder's latent grid; for a latent vector, the halvings' sizes. */
    static long[][] sizes(BuildContext context, List<Integer> channels) {
        Shape latent = context.latentShape();
        if (latent.dimension() == 1) {
            return GridSizes.of(context.dataShape(), channels.size());
        }
        if (latent.dimension() != 3) {
            throw new GenzooException(
                    "a convolutional decoder reads latent vectors or grids (channels, height, width), but the encoder's"
                            + " latents have shape "
                            + latent);
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
}
