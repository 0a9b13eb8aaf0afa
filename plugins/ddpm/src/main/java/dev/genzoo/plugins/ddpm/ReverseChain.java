package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Prior;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.SamplingProgress;
import dev.genzoo.api.StepContext;
import java.util.function.Function;

/**
 * Runs a reverse process: x_T from the prior, then one {@link ReverseSteps} step per visited step,
 * each inside its own scope, reporting each step to the context's progress listener (Ho et al.
 * 2020, algorithm 2; Song et al. 2021, equation 12). The state is updated in place, and nothing
 * is read back to the host inside the chain. For a conditional model the noise is guided by its
 * condition with weight w ({@link ClassifierFreeGuidance}).
 */
final class ReverseChain implements Sampler {
    private final GaussianDiffusion diffusion;
    private final Denoiser denoiser;
    private final Prior prior;
    private final ReverseSteps steps;
    private final double guidance;

    ReverseChain(GaussianDiffusion diffusion, Denoiser denoiser, Prior prior, ReverseSteps steps, double guidance) {
        this.diffusion = diffusion;
        this.denoiser = denoiser;
        this.prior = prior;
        this.steps = steps;
        this.guidance = guidance;
    }

    /**
     * A chain for a model being sampled, or a sentence saying why the model has none.
     *
     * @param sampler the sampler's name, for messages
     * @param context the model's encoder, prior and decoder
     * @param rule the sampling algorithm for the model's diffusion
     * @param guidance the classifier-free guidance weight w, 0 for none
     * @return the chain
     */
    static ReverseChain forModel(
            String sampler, BuildContext context, Function<GaussianDiffusion, ReverseSteps> rule, double guidance) {
        if (!(context.encoder().orElse(null) instanceof GaussianDiffusion diffusion)) {
            throw new GenzooException("sampler '" + sampler
                    + "' runs the reverse of a 'diffusion' encoder's process, and this model has none");
        }
        if (!(context.decoder().orElse(null) instanceof Denoiser denoiser)) {
            throw new GenzooException(
                    "sampler '" + sampler + "' needs a decoder that predicts the noise (a dev.genzoo.api.Denoiser,"
                            + " such as ddpm-mlp or ddpm-unet)");
        }
        ClassifierFreeGuidance.check(sampler, guidance, context.conditionSize());
        return new ReverseChain(diffusion, denoiser, context.prior().orElseThrow(), rule.apply(diffusion), guidance);
    }

    @Override
    public NDArray sample(int n, StepContext context) {
        NDArray x = prior.distribution(context).sample(new Shape(n));
        return diffusion.toData(run(diffusion, denoiser, steps, guidance, x, context));
    }

    /**
     * Runs the chain from x_T.
     *
     * @param diffusion the process
     * @param denoiser the network
     * @param steps the algorithm
     * @param guidance the classifier-free guidance weight w, 0 for none
     * @param x x_T, [n, data...], owned by the chain and overwritten with x_0
     * @param context the pass; its progress listener hears every step
     * @return x, now x_0 in the process's scale
     */
    static NDArray run(
            GaussianDiffusion diffusion,
            Denoiser denoiser,
            ReverseSteps steps,
            double guidance,
            NDArray x,
            StepContext context) {
        int[] timesteps = steps.timesteps();
        SamplingProgress progress = context.progress();
        progress.stepped(0, timesteps.length, () -> diffusion.toData(x));
        for (int i = 0; i < timesteps.length; i++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray t = x.getManager().create(new long[] {timesteps[i]});
                steps.step(x, ClassifierFreeGuidance.noise(denoiser, x, t, context, guidance), i);
                progress.stepped(i + 1, timesteps.length, () -> diffusion.toData(x));
            }
        }
        return x;
    }
}
