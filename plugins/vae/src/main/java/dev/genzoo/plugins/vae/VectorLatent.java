package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;

/** The width of a flat latent vector, refusing latent grids that an MLP decoder cannot read, and its leading axes. */
final class VectorLatent {
    private VectorLatent() {}

    static long size(BuildContext context) {
        Shape latent = context.latentShape();
        if (latent.dimension() != 1) {
            throw new GenzooException("an MLP decoder reads latent vectors, but the encoder's latents have shape "
                    + latent
                    + "; choose a convolutional decoder");
        }
        return latent.get(0);
    }

    /** The leading axes of latent vectors [..., L]: the batch, and any sample axes before it. */
    static Shape leading(NDArray z) {
        return z.getShape().slice(0, z.getShape().dimension() - 1);
    }
}
