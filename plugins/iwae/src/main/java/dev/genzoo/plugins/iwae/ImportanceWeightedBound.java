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
import dev.genzoo.nn.FreeBits;
import dev.genzoo.nn.KlAnnealing;
import dev.genzoo.nn.LayerTerms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * single sample carries the bound. For a hierarchy ({@link LayerTerms}) the terms {@code kl-z1},
 * {@code kl-z2}, ... are each layer's KL, log q - log p averaged over the K draws.
 *
 * <p>The KL controls of the ELBO carry over to the log-weights, in the loss only (the bound stays
 * the true one): cyclical annealing ({@link KlAnnealing}) scales log p(z) - log q(z|x) inside each
 * log-weight by the schedule's weight; with free bits ({@link FreeBits}) a layer whose KL, averaged
 * over batch and draws, is below lambda keeps its log p - log q in the weights' values but not in
 * their gradient, which for K = 1 is the ELBO's max(lambda, KL) exactly.
 */
public final class ImportanceWeightedBound implements Objective {

    /** Takes a condition: the condition travels in the context it hands to the encoder, prior and decoder. */
    @Override
    public boolean acceptsCondition() {
        return true;
    }

    static final Option<Integer> K = Option.integer("k", 5, "importance samples per example (1 is the ELBO)")
            .atLeast(1);

    private final int k;
    private final float logK;
    private final KlAnnealing annealing;
    private final FreeBits freeBits;

    ImportanceWeightedBound(int k) {
        this(k, KlAnnealing.of(Options.defaults(List.of())), FreeBits.of(Options.defaults(List.of())));
    }

    ImportanceWeightedBound(int k, KlAnnealing annealing, FreeBits freeBits) {
        this.k = k;
        this.logK = (float) Math.log(k);
        this.annealing = annealing;
        this.freeBits = freeBits;
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
        Distribution prior = model.prior().distribution(context);
        Draw draw = posterior.rsampleWithLogProb(new Shape(k));
        NDArray z = draw.value();
        Optional<LayerTerms> layers = LayerTerms.of(posterior, draw, prior);
        NDArray logPrior = layers.isPresent() ? layers.get().logPriorSum() : prior.logProb(z);
        NDArray logLikelihood = model.decoder().decode(z, context).logProb(x);
        NDArray logWeights = logLikelihood.add(logPrior).sub(draw.logProb());

        NDArray logSum = LogSumExp.over(logWeights, 0);
        NDArray bound = Scalars.plus(logSum, -logK);
        NDArray loss = bound.mean().neg();
        Map<String, NDArray> klPerLayer = layers.map(LayerTerms::klPerLayer).orElse(Map.of());
        double weight = annealing.weight(context);
        if (context.training() && (weight != 1 || freeBits.on())) {
            NDArray trained = logLikelihood.add(klControlled(
                    klPerLayer.isEmpty() ? Map.of("z", draw.logProb().sub(logPrior)) : klPerLayer, weight));
            loss = LogSumExp.over(trained, 0).mean().neg();
        }

        NDArray normalized =
                logWeights.stopGradient().sub(logSum.stopGradient()).exp();
        NDArray effectiveSamples = Scalars.power(normalized.square().sum(new int[] {0}), -1f);
        ObjectiveValue.Builder value = ObjectiveValue.of(loss)
                .term("elbo", logWeights.stopGradient().mean())
                .term("ess", effectiveSamples.mean());
        klPerLayer.forEach(
                (layer, kl) -> value.term("kl-" + layer, kl.stopGradient().mean()));
        if (annealing.on()) {
            value.term("kl-weight", context.manager().create((float) weight));
        }
        return value.bound(bound).build();
    }

    /**
     * -weight * sum over layers of log q - log p, each layer's term cut from the gradient when free
     * bits leave its KL unpenalized.
     */
    private NDArray klControlled(Map<String, NDArray> klPerLayer, double weight) {
        NDArray sum = null;
        for (NDArray kl : klPerLayer.values()) {
            NDArray term = freeBits.penalizes(kl.stopGradient().mean()) ? kl : kl.stopGradient();
            sum = sum == null ? term : sum.add(term);
        }
        return Scalars.times(sum, (float) -weight);
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
            return List.of(K, KlAnnealing.CYCLES, KlAnnealing.RISE, FreeBits.LAMBDA);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new ImportanceWeightedBound(options.get(K), KlAnnealing.of(options), FreeBits.of(options));
        }
    }
}
