package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

/**
 * Adapts a step size per group of chains towards a target acceptance rate by stochastic
 * approximation (Robbins and Monro 1951; Andrieu and Thoms 2008, section 4): after each step, log
 * s += (mean acceptance probability of the group's chains - target) / (t + 1)^0.6. Used during
 * warm-up only, then frozen, so the chains that follow are exact. The step sizes are one per
 * example, [1, B, 1] against chains of shape [C, B, latent].
 */
public final class StepSizeAdaptation implements AutoCloseable {
    private final double target;
    private NDArray logStep;
    private int updates;

    /**
     * Step sizes for B groups, all starting at one value.
     *
     * @param manager where the step sizes live
     * @param groups B
     * @param initial the first step size
     * @param target the acceptance rate aimed at
     */
    public StepSizeAdaptation(NDManager manager, long groups, double initial, double target) {
        this.target = target;
        this.logStep = manager.full(new Shape(1, groups, 1), (float) Math.log(initial));
        NDScope.unregister(logStep);
    }

    /**
     * The current step sizes.
     *
     * @return [1, B, 1]
     */
    public NDArray stepSize() {
        return logStep.exp();
    }

    /**
     * Moves each group's step size after a step.
     *
     * @param acceptance each chain's acceptance probability, [C, B]
     */
    public void update(NDArray acceptance) {
        float gain = (float) Math.pow(updates + 1, -0.6);
        NDArray next = logStep.add(
                acceptance.mean(new int[] {0}).sub((float) target).mul(gain).reshape(logStep.getShape()));
        NDScope.unregister(next);
        logStep.close();
        logStep = next;
        updates++;
    }

    /**
     * The mean step size over the groups, for reports.
     *
     * @return the mean of exp(log s)
     */
    public double meanStepSize() {
        try (NDArray s = logStep.exp();
                NDArray mean = s.mean()) {
            return mean.getFloat();
        }
    }

    @Override
    public void close() {
        logStep.close();
    }
}
