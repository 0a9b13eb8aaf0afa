package dev.genzoo.runtime.wiring;

import dev.genzoo.api.Role;
import java.util.Map;

/** The components of the default run, a VAE (Kingma and Welling 2014), used where none is named. */
public final class Defaults {
    private Defaults() {}

    /** Default component names by role. */
    public static final Map<Role, String> COMPONENTS = Map.of(
            Role.ENCODER, "mlp-gaussian",
            Role.PRIOR, "standard-normal",
            Role.DECODER, "mlp-bernoulli",
            Role.OBJECTIVE, "elbo");

    /** The default device. */
    public static final String DEVICE = "cpu";
}
