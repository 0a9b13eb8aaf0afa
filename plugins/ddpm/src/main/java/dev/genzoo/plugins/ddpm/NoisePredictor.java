package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;

/**
 * A network eps_theta(x_t, t) that predicts the noise in x_t (Ho et al. 2020, equation 11), or
 * eps_theta(x_t, t, y) for a conditional model (Ho and Salimans 2022).
 */
interface NoisePredictor {

    /**
     * Predicts the noise.
     *
     * @param xt x_t, [B, data...]
     * @param t steps in 1..T, [B] or [1]; integer type
     * @param context the pass; parameters are read through its store
     * @return eps_theta(x_t, t), shaped like {@code xt}
     */
    NDArray predict(NDArray xt, NDArray t, StepContext context);

    /** The network's parameters under stable names. */
    ParameterList parameters();

    /**
     * Whether the network reads the pass's condition (a {@link ClassEmbedding}).
     *
     * @return false unless built for a conditional model
     */
    default boolean conditioned() {
        return false;
    }
}
