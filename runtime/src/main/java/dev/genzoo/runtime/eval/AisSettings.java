package dev.genzoo.runtime.eval;

import dev.genzoo.api.GenzooException;

/**
 * What annealed importance sampling runs: T intermediate distributions, C chains per example, L
 * leapfrog steps per HMC transition, and where the path starts.
 *
 * @param steps T, at least 1
 * @param chains C, the importance samples per example, at least 1
 * @param leapfrog L, at least 1
 * @param fromEncoder true to start at q(z|x), false to start at the prior p(z)
 */
public record AisSettings(int steps, int chains, int leapfrog, boolean fromEncoder) {
    /** The default number of intermediate distributions. */
    public static final int DEFAULT_STEPS = 1000;
    /** The default number of chains per example. */
    public static final int DEFAULT_CHAINS = 16;
    /** The default number of leapfrog steps per transition (Wu et al. 2017 use 10). */
    public static final int DEFAULT_LEAPFROG = 10;

    /**
     * Checks the settings.
     *
     * @throws GenzooException naming the first bad value
     */
    public AisSettings {
        if (steps < 1) {
            throw new GenzooException("--ais-steps must be at least 1, got " + steps);
        }
        if (chains < 1) {
            throw new GenzooException("--chains must be at least 1, got " + chains);
        }
        if (leapfrog < 1) {
            throw new GenzooException("--leapfrog must be at least 1, got " + leapfrog);
        }
    }
}
