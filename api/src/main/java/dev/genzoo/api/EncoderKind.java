package dev.genzoo.api;

/**
 * What an encoder's output is, in the four shapes the families take (see {@link Encoding}). An
 * objective names the kinds it accepts so that the runtime can refuse an impossible combination
 * before training starts.
 */
public enum EncoderKind {
    /** A density q(z|x) that can be sampled and evaluated: VAE, IWAE. */
    DENSITY("a density q(z|x)"),
    /** A deterministic point with extras for the objective: VQ-VAE's z_e, z_q and code indices. */
    POINT_MASS("a point mass (a deterministic code)"),
    /** An invertible map z = f(x) with log|det df/dx|: a normalizing flow. */
    BIJECTION("a bijection with its log-determinant"),
    /** A fixed, parameter-free noising process q(x_1..x_T | x_0): DDPM. */
    FIXED_PROCESS("a fixed forward process");

    private final String description;

    EncoderKind(String description) {
        this.description = description;
    }

    /**
     * A phrase for messages, such as "a density q(z|x)".
     *
     * @return the phrase
     */
    public String description() {
        return description;
    }
}
