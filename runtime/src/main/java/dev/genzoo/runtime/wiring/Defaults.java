package dev.genzoo.runtime.wiring;

import dev.genzoo.api.Role;
import java.util.Map;

/**
 * The components of the default run, a VAE (Kingma and Welling 2014), used where none is named
 * and the encoder suggests no companion. Constants, so that help texts can name them.
 */
public final class Defaults {
    /** The default encoder. */
    public static final String ENCODER = "mlp-gaussian";
    /** The default prior. */
    public static final String PRIOR = "standard-normal";
    /** The default decoder. */
    public static final String DECODER = "mlp-bernoulli";
    /** The default objective. */
    public static final String OBJECTIVE = "elbo";

    /** Default component names by role. */
    public static final Map<Role, String> COMPONENTS =
            Map.of(Role.ENCODER, ENCODER, Role.PRIOR, PRIOR, Role.DECODER, DECODER, Role.OBJECTIVE, OBJECTIVE);

    private Defaults() {}
}
