package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The map from data to latents: an inference network q(z|x), a quantizer, an invertible flow or
 * a fixed noising process, depending on its {@link #kind()}.
 */
public interface Encoder extends Component {

    /**
     * What {@link #encode} returns; fixed for the encoder's lifetime, so the runtime can check a
     * combination before training.
     *
     * @return the kind of encoding
     */
    EncoderKind kind();

    /**
     * The shape of one example's latent z, without the batch axis: (20) for a 20-dimensional
     * Gaussian, (64, 7, 7) for a VQ grid, the data shape for a flow or a diffusion.
     *
     * @return the latent shape
     */
    Shape latentShape();

    /**
     * The named blocks of the latent (api 1.2): the layers z1, ..., zL of a hierarchy, which
     * objectives, {@code eval} and the pictures read one by one; one block over the whole latent
     * unless the encoder says otherwise.
     *
     * @return the layout, its shape {@link #latentShape()}
     */
    default LatentLayout latentLayout() {
        return LatentLayout.whole(latentShape());
    }

    /**
     * Encodes a batch.
     *
     * @param x a batch, shape [B, data...]
     * @param context the step being run
     * @return an encoding of {@link #kind()}
     */
    Encoding encode(NDArray x, StepContext context);
}
