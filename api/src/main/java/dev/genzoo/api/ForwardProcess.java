package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.distribution.Distribution;

/**
 * A fixed Markov chain q(x_1..x_T | x_0) that noises a batch x_0 step by step, the encoder of a
 * diffusion model (Ho et al. 2020, equations 2 and 4). Time steps run 1..T; arrays of steps hold
 * one step per example.
 */
public interface ForwardProcess {

    /**
     * The number of steps T.
     *
     * @return T, at least 1
     */
    int steps();

    /**
     * The batch x_0 the process starts from.
     *
     * @return x_0, shape [B, data...]
     */
    NDArray start();

    /**
     * The marginal q(x_t | x_0) in closed form.
     *
     * @param t one step in 1..T per example, shape [B], integer type
     * @return a distribution with batch shape [B]
     */
    Distribution marginal(NDArray t);

    /**
     * The posterior q(x_{t-1} | x_t, x_0) of one reverse step.
     *
     * @param xt x_t, shape [B, data...]
     * @param t one step in 2..T per example, shape [B], integer type
     * @return a distribution with batch shape [B]
     */
    Distribution posterior(NDArray xt, NDArray t);
}
