package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;

/**
 * The Metropolis-Hastings algorithm with a symmetric proposal (Metropolis et al. 1953; Hastings
 * 1970): propose z' from q(z'|z), accept with probability min(1, gamma(z') / gamma(z)), else stay.
 * The proposal is a Gaussian random walk, z' = z + s eps with eps ~ N(0, I), unless another
 * symmetric one is given; s is adapted towards an acceptance rate of 0.234, the optimum of a random
 * walk in many dimensions (Roberts, Gelman and Gilks 1997).
 */
public final class MetropolisHastings implements Transition {
    /** The acceptance rate a random walk's step size is adapted towards. */
    public static final double TARGET_ACCEPTANCE = 0.234;

    /** A symmetric proposal, q(z'|z) = q(z|z'). */
    @FunctionalInterface
    public interface Proposal {
        /**
         * Proposes a move for every chain.
         *
         * @param z the chains' state
         * @param stepSize the step size, broadcastable against z
         * @return the proposed states, the shape of z
         */
        NDArray propose(NDArray z, NDArray stepSize);
    }

    /** z + s eps, eps ~ N(0, I). */
    public static final Proposal GAUSSIAN_RANDOM_WALK =
            (z, stepSize) -> z.add(stepSize.mul(z.getManager().randomNormal(z.getShape())));

    private final Proposal proposal;

    /**
     * The random-walk kernel.
     */
    public MetropolisHastings() {
        this(GAUSSIAN_RANDOM_WALK);
    }

    /**
     * A kernel with another symmetric proposal.
     *
     * @param proposal the proposal
     */
    public MetropolisHastings(Proposal proposal) {
        this.proposal = proposal;
    }

    @Override
    public double targetAcceptance() {
        return TARGET_ACCEPTANCE;
    }

    @Override
    public ChainStep step(LogDensity target, ChainStep current, NDArray stepSize) {
        NDArray proposed = proposal.propose(current.z(), stepSize);
        NDArray proposedLogDensity = target.at(proposed);
        NDArray logRatio = proposedLogDensity.sub(current.logDensity());
        NDArray acceptance = Accept.probability(logRatio);
        NDArray accepted = Accept.draw(logRatio);
        NDArray z = Accept.select(accepted, proposed, current.z());
        NDArray logDensity = Accept.select(accepted, proposedLogDensity, current.logDensity());
        return new ChainStep(z, logDensity, null, acceptance);
    }
}
