package dev.genzoo.api;

import ai.djl.ndarray.NDArray;

/**
 * An objective whose bound on log p(x) is a sum over the steps of a chain, as a diffusion's is,
 * -log p(x) &lt;= L_0 + L_1 + ... + L_T (Ho et al. 2020, equation 5), says how much each step
 * contributes, so that {@code eval} can show where the bits go (api 1.2).
 *
 * <p>Why in the api: the runtime reaches an objective only through api types, and a plugin loaded
 * in its own class loader cannot implement another plugin's interface.
 */
public interface StepwiseBound {

    /**
     * Each step's term of the negative bound, averaged over a batch, in nats: L_0 (the decoder),
     * L_1, ..., L_{T-1} (the denoising steps), L_T (the prior).
     *
     * @param x a batch, [B, data...]
     * @param model the model
     * @param context an evaluation context
     * @return shape [T + 1], L_t at index t; the terms sum to the negative bound's mean
     */
    NDArray termsPerStep(NDArray x, GenerativeModel model, StepContext context);
}
