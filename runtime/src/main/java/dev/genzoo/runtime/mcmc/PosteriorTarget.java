package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;

/**
 * The unnormalised posterior of a trained model, log p(x|z) + log p(z) = log p(z|x) + log p(x), for
 * a batch x and chains z of shape [C, B, latent] (one group of C chains per example): the decoder's
 * {@code logProb} of x and the prior's of z, nothing else of the model.
 */
public final class PosteriorTarget implements LogDensity {
    private final GenerativeModel model;
    private final NDArray x;
    private final StepContext context;

    /**
     * The posterior of a batch.
     *
     * @param model the trained model
     * @param x the examples, [B, data...]
     * @param context an evaluation context
     */
    public PosteriorTarget(GenerativeModel model, NDArray x, StepContext context) {
        this.model = model;
        this.x = x;
        this.context = context;
    }

    /**
     * log p(x|z).
     *
     * @param z [C, B, latent]
     * @return [C, B]
     */
    public NDArray logLikelihood(NDArray z) {
        return model.decoder().decode(z, context).logProb(x);
    }

    /**
     * log p(z).
     *
     * @param z [C, B, latent]
     * @return [C, B]
     */
    public NDArray logPrior(NDArray z) {
        return model.prior().distribution(context).logProb(z);
    }

    @Override
    public NDArray at(NDArray z) {
        return logLikelihood(z).add(logPrior(z));
    }
}
