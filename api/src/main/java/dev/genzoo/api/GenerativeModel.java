package dev.genzoo.api;

import java.util.Objects;

/**
 * The three networks of a latent-variable model, handed to objectives together: encoder q(z|x),
 * prior p(z) and decoder p(x|z). Immutable.
 */
public final class GenerativeModel {
    private final Encoder encoder;
    private final Prior prior;
    private final Decoder decoder;

    /**
     * Groups the three components.
     *
     * @param encoder the encoder
     * @param prior the prior
     * @param decoder the decoder
     */
    public GenerativeModel(Encoder encoder, Prior prior, Decoder decoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.prior = Objects.requireNonNull(prior, "prior");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * The encoder.
     *
     * @return q(z|x)
     */
    public Encoder encoder() {
        return encoder;
    }

    /**
     * The prior.
     *
     * @return p(z)
     */
    public Prior prior() {
        return prior;
    }

    /**
     * The decoder.
     *
     * @return p(x|z)
     */
    public Decoder decoder() {
        return decoder;
    }
}
