package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;

/**
 * The contract every sampling algorithm here follows, after the schedulers of diffusers: the steps
 * it visits, and one reverse step from the noise the network predicted. {@link ReverseChain} runs
 * any of them.
 */
interface ReverseSteps {

    /**
     * The steps visited, from the first reverse step (T) down to the last (1 for a full chain).
     *
     * @return steps in 1..T, decreasing
     */
    int[] timesteps();

    /**
     * Moves x in place from step {@code timesteps()[i]} to the next step visited, or to x_0
     * after the last.
     *
     * @param x the current state, overwritten
     * @param eps the noise predicted at x and that step
     * @param i the index of the step in {@link #timesteps()}
     */
    void step(NDArray x, NDArray eps, int i);
}
