package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;

/**
 * One step of a Markov chain that leaves a target density invariant, with a step size per group of
 * chains.
 */
public interface Transition {

    /**
     * The acceptance rate the step size is adapted towards.
     *
     * @return in (0, 1)
     */
    double targetAcceptance();

    /**
     * Moves every chain once.
     *
     * @param target log gamma
     * @param current the chains' state (its gradient may be null; a transition that needs one
     *     computes it)
     * @param stepSize broadcastable against z: one per group of chains
     * @return the new state
     */
    ChainStep step(LogDensity target, ChainStep current, NDArray stepSize);
}
