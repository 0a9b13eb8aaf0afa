package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Set;

/**
 * The importance weighted bound L_K = E[log (1/K) sum_k p(x, z_k) / q(z_k|x)], z_k ~ q(z|x)
 * (Burda, Grosse and Salakhutdinov 2016, equation 8), estimated with one draw of K samples.
 *
 * <p>All K samples come from one call, {@code q.rsampleWithLogProb(new Shape(K))}, and go through
 * the decoder in one batched forward pass of shape [K, B, latent]; the log-mean-exp over K
 * subtracts the largest log-weight of each example (held constant) before exponentiating, so
 * log-weights of -10^4 nats neither underflow nor lose their gradient. With K = 1 the estimator is
 * the ELBO's, log p(x|z) + log p(z) - log q(z|x) on the same draw.
 *
 * <p>The loss is the negative bound averaged over the batch; the terms are {@code elbo}, the mean
 * log-weight (the ELBO estimated from the same K draws), and {@code ess}, the effective sample
 * size (sum w)^2 / sum w^2 of the normalized weights, between 1 and K (Kong 1992): near 1 means a
 * single sample carries the bound.
 */
public final class ImportanceWeightedBound implements Objective {
    static final Option<Integer> K = Option.integer("k", 5, "importance samples per example (1 is the ELBO)")
            .atLeast(1);

    private final int k;
    private final float logK;

    ImportanceWeightedBound(int k) {
        this.k = k;
        this.logK = (float) Math.log(k);
    }

    /**
     * The number of importance samples.
     *
     * @return K
     */
    public int samples() {
        return k;
    }

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.DENSITY);
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        Distribution posterior = ((Encoding.Density) model.encoder().encode(x, context)).posterior();
        Draw draw = posterior.rsampleWithLogProb(new Shape(k));
        NDArray z = draw.value();
        NDArray logPrior = model.prior().distribution(context).logProb(z);
        NDArray logLikelihood = model.decoder().decode(z, context).logProb(x);
        NDArray logWeights = logLikelihood.add(logPrior).sub(draw.logProb());

        NDArray logSum = LogSumExp.over(logWeights, 0);
        NDArray bound = Scalars.plus(logSum, -logK);

        NDArray normalized =
                logWeights.stopGradient().sub(logSum.stopGradient()).exp();
        NDArray effectiveSamples = Scalars.power(normalized.square().sum(new int[] {0}), -1f);
        return ObjectiveValue.of(bound.mean().neg())
                .term("elbo", logWeights.stopGradient().mean())
                .term("ess", effectiveSamples.mean())
                .bound(bound)
                .build();
    }

    /** Creates the {@code iwae} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "iwae";
        }

        @Override
        public String description() {
            return "importance weighted bound log (1/K) sum_k p(x, z_k) / q(z_k|x), K samples in one"
                    + " batch (Burda et al. 2016)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(K);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new ImportanceWeightedBound(options.get(K));
        }
    }
}
