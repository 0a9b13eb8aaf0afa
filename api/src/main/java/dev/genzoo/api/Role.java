package dev.genzoo.api;

import java.util.Locale;

/** The four roles of a latent-variable model: encoder q(z|x), prior p(z), decoder p(x|z), objective. */
public enum Role {
    /** The inference network q(z|x), or a fixed or invertible map from data to latents. */
    ENCODER,
    /** The prior p(z) over latents. */
    PRIOR,
    /** The generative network p(x|z). */
    DECODER,
    /** The training objective: a bound on log p(x), or a loss that stands for one. */
    OBJECTIVE;

    /**
     * The role's name as users write it: {@code encoder}, {@code prior}, {@code decoder}, {@code
     * objective}.
     *
     * @return the lower-case name
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
