package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;

/**
 * Hamiltonian Monte Carlo with an identity mass matrix (Duane et al. 1987; Neal 2011, section 5.3.2):
 * draw a momentum r ~ N(0, I), follow the Hamiltonian H(z, r) = -log gamma(z) + |r|^2 / 2 for L
 * leapfrog steps of size eps, and accept the end with probability min(1, e^(H_start - H_end)). The
 * leapfrog integrator is reversible and preserves volume, so only its energy error enters the
 * acceptance, and that error shrinks as eps^2 (Neal 2011, section 5.2.3.3). eps is adapted towards
 * an acceptance rate of 0.65 (ibid., section 5.4.4; Beskos et al. 2013).
 */
public final class HamiltonianMonteCarlo implements Transition {
    /** The acceptance rate the step size is adapted towards. */
    public static final double TARGET_ACCEPTANCE = 0.65;

    private final int leapfrogSteps;

    /**
     * A kernel.
     *
     * @param leapfrogSteps L, at least 1
     */
    public HamiltonianMonteCarlo(int leapfrogSteps) {
        if (leapfrogSteps < 1) {
            throw new IllegalArgumentException("HMC needs at least one leapfrog step, not " + leapfrogSteps);
        }
        this.leapfrogSteps = leapfrogSteps;
    }

    /**
     * The number of leapfrog steps per transition.
     *
     * @return L
     */
    public int leapfrogSteps() {
        return leapfrogSteps;
    }

    @Override
    public double targetAcceptance() {
        return TARGET_ACCEPTANCE;
    }

    /**
     * Where L leapfrog steps lead, and the energy at both ends.
     *
     * @param end the state reached, with its log-density and gradient
     * @param z the position reached
     * @param momentum the momentum at the end
     * @param startEnergy H at the start, [chains...]
     * @param endEnergy H at the end, [chains...]
     */
    public record Trajectory(DensityGradient end, NDArray z, NDArray momentum, NDArray startEnergy, NDArray endEnergy) {

        /**
         * H_end - H_start, the integrator's energy error (0 for an exact solution).
         *
         * @return [chains...]
         */
        public NDArray energyError() {
            return endEnergy.sub(startEnergy);
        }
    }

    /**
     * Integrates Hamilton's equations with the leapfrog scheme: half a momentum step, L position
     * steps with full momentum steps between them, half a momentum step.
     *
     * @param target log gamma
     * @param start the start, with its log-density and gradient
     * @param z the start's position
     * @param momentum the momentum at the start
     * @param stepSize eps, broadcastable against z
     * @param steps L
     * @return the end and both energies
     */
    public static Trajectory leapfrog(
            LogDensity target, DensityGradient start, NDArray z, NDArray momentum, NDArray stepSize, int steps) {
        NDArray startEnergy = energy(start.value(), momentum);
        NDArray halfStep = stepSize.mul(0.5f);
        NDArray r = momentum.add(halfStep.mul(start.gradient()));
        NDArray position = z;
        DensityGradient at = start;
        for (int i = 0; i < steps; i++) {
            position = position.add(stepSize.mul(r));
            at = DensityGradient.of(target, position);
            r = r.add((i < steps - 1 ? stepSize : halfStep).mul(at.gradient()));
        }
        return new Trajectory(at, position, r, startEnergy, energy(at.value(), r));
    }

    /** H(z, r) = -log gamma(z) + |r|^2 / 2. */
    private static NDArray energy(NDArray logDensity, NDArray momentum) {
        return momentum.square()
                .sum(new int[] {momentum.getShape().dimension() - 1})
                .mul(0.5f)
                .sub(logDensity);
    }

    @Override
    public ChainStep step(LogDensity target, ChainStep current, NDArray stepSize) {
        DensityGradient start = current.gradient() != null
                ? new DensityGradient(current.logDensity(), current.gradient())
                : DensityGradient.of(target, current.z());
        NDArray momentum = current.z().getManager().randomNormal(current.z().getShape());
        Trajectory trajectory = leapfrog(target, start, current.z(), momentum, stepSize, leapfrogSteps);
        NDArray logRatio = trajectory.energyError().neg();
        NDArray acceptance = Accept.probability(logRatio);
        NDArray accepted = Accept.draw(logRatio);
        return new ChainStep(
                Accept.select(accepted, trajectory.z(), current.z()),
                Accept.select(accepted, trajectory.end().value(), start.value()),
                Accept.select(accepted, trajectory.end().gradient(), start.gradient()),
                acceptance);
    }
}
