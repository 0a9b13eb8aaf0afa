package dev.genzoo.runtime.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * The two kernels against what they must satisfy exactly: the Metropolis-Hastings step is in
 * detailed balance with its target (checked on five states, where the transition matrix can be
 * counted), and the leapfrog integrator's energy error falls as the square of its step size.
 */
final class KernelsTest {
    /** An unnormalised target on the states 0..4. */
    private static final float[] WEIGHTS = {1f, 3f, 0.5f, 2f, 4f};

    /**
     * From each state i, 40,000 chains take one step with the proposal i +- 1 (mod 5): the counted
     * P(i -> j) makes pi_i P_ij = pi_j P_ji, and equals the exact 1/2 min(1, pi_j / pi_i).
     */
    @Test
    void metropolisHastingsIsInDetailedBalanceOnFiveStates() {
        Engine.getInstance().setRandomSeed(11);
        int states = WEIGHTS.length;
        int chains = 40_000;
        double total = 0;
        for (float w : WEIGHTS) {
            total += w;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] logWeights = new float[states];
            for (int i = 0; i < states; i++) {
                logWeights[i] = (float) Math.log(WEIGHTS[i]);
            }
            NDArray table = manager.create(logWeights);
            LogDensity target = z -> z.squeeze(-1)
                    .toType(DataType.INT64, false)
                    .oneHot(states)
                    .toType(DataType.FLOAT32, false)
                    .mul(table)
                    .sum(new int[] {-1});
            MetropolisHastings.Proposal ring = (z, step) -> {
                NDArray sign = manager.randomUniform(0f, 1f, z.getShape())
                        .lt(0.5f)
                        .toType(DataType.FLOAT32, false)
                        .mul(2f)
                        .sub(1f);
                return z.add(sign).add((float) states).mod((float) states);
            };
            MetropolisHastings kernel = new MetropolisHastings(ring);
            double[][] p = new double[states][states];
            for (int i = 0; i < states; i++) {
                NDArray z = manager.full(new Shape(chains, 1, 1), (float) i);
                ChainStep next =
                        kernel.step(target, new ChainStep(z, target.at(z), null, null), manager.ones(new Shape(1)));
                for (float v : next.z().toFloatArray()) {
                    p[i][Math.round(v)] += 1.0 / chains;
                }
            }
            for (int i = 0; i < states; i++) {
                double pi = WEIGHTS[i] / total;
                for (int j : new int[] {(i + 1) % states, (i + states - 1) % states}) {
                    double exact = 0.5 * Math.min(1, WEIGHTS[j] / WEIGHTS[i]);
                    double error = 5 * Math.sqrt(exact * (1 - exact) / chains);
                    assertThat(p[i][j]).as("P(%d -> %d)", i, j).isCloseTo(exact, within(error));
                    double flow = pi * p[i][j];
                    double back = WEIGHTS[j] / total * p[j][i];
                    assertThat(flow)
                            .as("pi_%d P_%d%d against pi_%d P_%d%d", i, i, j, j, j, i)
                            .isCloseTo(back, within(2 * error * Math.max(pi, WEIGHTS[j] / total)));
                }
            }
        }
    }

    /**
     * On a correlated Gaussian, trajectories of the same length with step eps and eps / 2 have mean
     * absolute energy errors in the ratio of about 4 (the leapfrog's local error is O(eps^3), its
     * error in H over a fixed time O(eps^2)).
     */
    @Test
    void theLeapfrogsEnergyErrorShrinksWithTheSquareOfItsStep() {
        Engine.getInstance().setRandomSeed(12);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray precision = manager.create(new float[] {2f, 0.9f, 0.9f, 1f}, new Shape(2, 2));
            LogDensity gaussian =
                    z -> z.matMul(precision).mul(z).sum(new int[] {-1}).mul(-0.5f);
            NDArray z = manager.randomNormal(new Shape(500, 1, 2));
            NDArray r = manager.randomNormal(new Shape(500, 1, 2));
            DensityGradient start = DensityGradient.of(gaussian, z);
            double[] errors = new double[3];
            double[] steps = {0.2, 0.1, 0.05};
            for (int i = 0; i < steps.length; i++) {
                int count = (int) Math.round(1.6 / steps[i]);
                HamiltonianMonteCarlo.Trajectory trajectory = HamiltonianMonteCarlo.leapfrog(
                        gaussian, start, z, r, manager.full(new Shape(1), (float) steps[i]), count);
                errors[i] = trajectory.energyError().abs().mean().getFloat();
            }
            assertThat(errors[0] / errors[1]).isBetween(3.2, 4.8);
            assertThat(errors[1] / errors[2]).isBetween(3.2, 4.8);
            assertThat(errors[2]).isLessThan(0.01);
        }
    }

    /** The gradient autograd gives the sampler is the closed form's, -P z, for a Gaussian. */
    @Test
    void theTargetsGradientIsTheClosedForm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray precision = manager.create(new float[] {2f, 0.9f, 0.9f, 1f}, new Shape(2, 2));
            LogDensity gaussian =
                    z -> z.matMul(precision).mul(z).sum(new int[] {-1}).mul(-0.5f);
            NDArray z = manager.create(new float[] {0.3f, -1.2f}, new Shape(1, 1, 2));
            DensityGradient at = DensityGradient.of(gaussian, z);
            float[] g = at.gradient().toFloatArray();
            assertThat((double) g[0]).isCloseTo(-(2 * 0.3 + 0.9 * -1.2), within(1e-5));
            assertThat((double) g[1]).isCloseTo(-(0.9 * 0.3 + 1 * -1.2), within(1e-5));
        }
    }
}
