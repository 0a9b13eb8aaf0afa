package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.distribution.Distribution;

/** The generative map p(x|z) from latents to a distribution over data. */
public interface Decoder extends Component {

    /**
     * The distribution p(x|z) for a batch of latents.
     *
     * <p>z may carry extra leading sample axes, [K, B, latent...] for K importance samples; the
     * returned distribution then has batch shape [K, B] and its {@link Distribution#logProb}
     * broadcasts a batch x of shape [B, data...] against it. Decoders must not loop over K.
     *
     * @param z latents, shape [..., latent...]
     * @param context the step being run
     * @return p(x|z), event shape the data shape
     */
    Distribution decode(NDArray z, StepContext context);
}
