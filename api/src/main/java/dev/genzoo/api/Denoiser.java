package dev.genzoo.api;

import ai.djl.ndarray.NDArray;

/**
 * A decoder that is the learned reverse process of a diffusion model exposes its noise-prediction
 * network eps_theta(x_t, t) through this capability (Ho et al. 2020, equation 11), so that
 * diffusion objectives and samplers from any plugin can train and run it.
 *
 * <p>Why in the api: objectives and samplers reach a decoder only through api types, and a plugin
 * loaded in its own class loader cannot implement an interface of another plugin.
 */
public interface Denoiser {

    /**
     * Predicts the noise eps that produced x_t from x_0 at step t.
     *
     * @param xt the noised batch x_t, shape [B, data...], in the process's own scale
     * @param t one step in 1..T per example, shape [B], or shape [1] for one step shared by the
     *     whole batch; integer type
     * @param context the pass being run; parameters are read through its store
     * @return eps_theta(x_t, t), the shape of {@code xt}
     */
    NDArray predictNoise(NDArray xt, NDArray t, StepContext context);
}
