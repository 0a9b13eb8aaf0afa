package dev.genzoo.api;

import ai.djl.ndarray.NDArray;

/**
 * A way to draw new examples from a trained model, chosen by name when sampling (after the
 * schedulers of diffusers: one algorithm per sampler, the same small contract for all). Without
 * one, genzoo samples ancestrally: z from the prior, then the mean of the decoder's p(x|z).
 *
 * <p>A sampler is created for one model by its {@link SamplerFactory} and owns no parameters:
 * anything it lists in {@link #parameters()} is neither saved nor restored.
 */
public interface Sampler extends Component {

    /**
     * Draws examples. Long chains report each step to {@link StepContext#progress()}.
     *
     * @param n how many examples, at least 1
     * @param context an evaluation pass (no gradients), on the model's device
     * @return the examples in data space, shape [n, data...]
     */
    NDArray sample(int n, StepContext context);
}
