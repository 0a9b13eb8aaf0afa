package dev.genzoo.runtime.run;

import dev.genzoo.api.GenzooException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * What {@code genzoo posterior} asks for: Markov chains on the posterior p(z|x) of one test example.
 *
 * @param example the test example's index, from 0
 * @param sampler {@code mh} (Metropolis-Hastings) or {@code hmc} (Hamiltonian Monte Carlo)
 * @param steps kept steps per chain, at least 4
 * @param warmup steps first that adapt the step size and are thrown away, at least 0
 * @param chains chains, at least 1
 * @param leapfrog leapfrog steps of an HMC transition, at least 1
 * @param seed the seed of the draws
 * @param out the .npy file of the samples, or null for RUN_DIR/posterior-I-SAMPLER.npy
 * @param progress told the steps done so far, out of warmup + steps
 */
public record PosteriorRequest(
        int example,
        String sampler,
        int steps,
        int warmup,
        int chains,
        int leapfrog,
        long seed,
        Path out,
        IntConsumer progress) {

    /** The samplers by name. */
    public static final String METROPOLIS_HASTINGS = "mh";
    /** Hamiltonian Monte Carlo's name. */
    public static final String HAMILTONIAN = "hmc";

    /**
     * Checks the request.
     *
     * @throws GenzooException naming the first bad value
     */
    public PosteriorRequest {
        if (!METROPOLIS_HASTINGS.equals(sampler) && !HAMILTONIAN.equals(sampler)) {
            throw new GenzooException("--sampler is mh or hmc, not '" + sampler + "'");
        }
        if (example < 0) {
            throw new GenzooException("--example must be at least 0, got " + example);
        }
        if (steps < 4) {
            throw new GenzooException(
                    "--steps must be at least 4 (the diagnostics split each chain in halves), got " + steps);
        }
        if (warmup < 0) {
            throw new GenzooException("--warmup must be at least 0, got " + warmup);
        }
        if (chains < 1) {
            throw new GenzooException("--chains must be at least 1, got " + chains);
        }
        if (leapfrog < 1) {
            throw new GenzooException("--leapfrog must be at least 1, got " + leapfrog);
        }
        progress = progress == null ? done -> {} : progress;
    }
}
