package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.function.IntConsumer;

/**
 * Runs C chains of a transition from given starts: {@code warmup} steps that adapt the step size
 * ({@link StepSizeAdaptation}) and are thrown away, then {@code draws} steps with the step size
 * frozen, every state kept on the host. Each step runs in its own scope; only the chains' state
 * outlives it.
 */
public final class MarkovChains {
    private MarkovChains() {}

    /**
     * What the chains drew.
     *
     * @param samples the states after each kept step, [draws, chains, latent] row-major
     * @param draws kept steps per chain
     * @param chains C
     * @param latent the latent's units
     * @param acceptanceRate the mean acceptance probability over the kept steps and chains
     * @param stepSize the step size the warm-up arrived at
     */
    public record Result(float[] samples, int draws, int chains, int latent, double acceptanceRate, double stepSize) {

        /**
         * One latent unit's draws, chain by chain.
         *
         * @param unit the unit
         * @return [chains][draws]
         */
        public double[][] unit(int unit) {
            double[][] out = new double[chains][draws];
            for (int t = 0; t < draws; t++) {
                for (int c = 0; c < chains; c++) {
                    out[c][t] = samples[(t * chains + c) * latent + unit];
                }
            }
            return out;
        }
    }

    /**
     * Runs the chains of one example.
     *
     * @param target log gamma over [C, 1, latent]
     * @param kernel the transition
     * @param start the chains' starts, [C, 1, latent]
     * @param initialStepSize the step size the warm-up starts from
     * @param warmup adapted steps, thrown away
     * @param draws kept steps
     * @param progress told the number of steps done after each step
     * @return the draws
     */
    public static Result run(
            LogDensity target,
            Transition kernel,
            NDArray start,
            double initialStepSize,
            int warmup,
            int draws,
            IntConsumer progress) {
        int chains = Math.toIntExact(start.getShape().get(0));
        int latent = Math.toIntExact(start.getShape().get(start.getShape().dimension() - 1));
        float[] samples = new float[draws * chains * latent];
        double accepted = 0;
        try (StepSizeAdaptation adaptation = new StepSizeAdaptation(
                start.getManager(), start.getShape().get(1), initialStepSize, kernel.targetAcceptance())) {
            ChainStep state = keep(new ChainStep(start, target.at(start), null, null));
            for (int step = 0; step < warmup + draws; step++) {
                ChainStep next;
                float acceptance;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    next = kernel.step(target, state, adaptation.stepSize());
                    acceptance = next.acceptance().mean().getFloat();
                    if (step < warmup) {
                        adaptation.update(next.acceptance());
                    } else {
                        System.arraycopy(
                                next.z().toFloatArray(),
                                0,
                                samples,
                                (step - warmup) * chains * latent,
                                chains * latent);
                    }
                    next = keep(next);
                }
                release(state);
                state = next;
                if (step >= warmup) {
                    accepted += acceptance;
                }
                progress.accept(step + 1);
            }
            release(state);
            return new Result(
                    samples,
                    draws,
                    chains,
                    latent,
                    draws > 0 ? accepted / draws : Double.NaN,
                    adaptation.meanStepSize());
        }
    }

    /** Takes a state's arrays out of the closing scope (the caller releases them). */
    private static ChainStep keep(ChainStep step) {
        NDScope.unregister(step.z(), step.logDensity());
        if (step.gradient() != null) {
            NDScope.unregister(step.gradient());
        }
        return new ChainStep(step.z(), step.logDensity(), step.gradient(), null);
    }

    private static void release(ChainStep step) {
        step.logDensity().close();
        if (step.gradient() != null) {
            step.gradient().close();
        }
        step.z().close();
    }
}
