package dev.genzoo.runtime.wiring;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.data.DataFacts;
import java.util.Map;

/**
 * The components of the default run, a VAE (Kingma and Welling 2014), used where none is named
 * and the encoder suggests no companion: Bernoulli pixels for binary or binarizable data, a
 * Gaussian decoder for real values. Constants, so that help texts can name them.
 */
public final class Defaults {
    /** The default encoder. */
    public static final String ENCODER = "mlp-gaussian";
    /** The default prior. */
    public static final String PRIOR = "standard-normal";
    /** The default decoder. */
    public static final String DECODER = "mlp-bernoulli";
    /** The default decoder for real-valued data, which a Bernoulli likelihood cannot model. */
    public static final String REAL_DECODER = "mlp-gaussian";
    /** The default objective. */
    public static final String OBJECTIVE = "elbo";

    /** Default component names by role. */
    public static final Map<Role, String> COMPONENTS =
            Map.of(Role.ENCODER, ENCODER, Role.PRIOR, PRIOR, Role.DECODER, DECODER, Role.OBJECTIVE, OBJECTIVE);

    private Defaults() {}

    /**
     * The default component of a role for some data: {@link #REAL_DECODER} as the decoder of data
     * that are neither binary nor images in [0, 1] (2-D points, say), else the role's default.
     *
     * @param role the role
     * @param facts what the data are, or null when unknown
     * @return the component's name
     */
    public static String forData(Role role, DataFacts facts) {
        if (role == Role.DECODER && facts != null && !facts.binarizable()) {
            return REAL_DECODER;
        }
        return COMPONENTS.get(role);
    }
}
