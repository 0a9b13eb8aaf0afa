package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence lower bound E_q[log p(x|z)] - beta * KL(q(z|x) || p(z)) (Kingma and Welling 2014,
 * equation 10; beta from Higgins et al. 2017), with the KL controls that keep latents in use: a
 * linear KL warm-up (Sonderby et al. 2016) or cyclical annealing of its weight (Fu et al. 2019),
 * and free bits (Kingma et al. 2016), see {@link KlAnnealing} and {@link FreeBits}.
 *
 * <p>The loss is the negative of the weighted bound, averaged over the batch; the reported {@link
 * ObjectiveValue#bound() bound} is the ELBO itself (beta = 1), a lower bound on log p(x). For a
 * hierarchy, a posterior and prior of the same layered latent ({@link LayerTerms}), the terms give
 * the KL of each layer as {@code kl-z1}, {@code kl-z2}, ..., summing to {@code kl}.
 */
public final class EvidenceLowerBound implements Objective {

    /** Takes a condition: the condition travels in the context it hands to the encoder, prior and decoder. */
    @Override
    public boolean acceptsCondition() {
        return true;
    }

    static final Option<Double> BETA = Option.real("beta", 1.0, "weight of the KL term (beta-VAE); 1 is the ELBO")
            .atLeast(0);
    static final Option<String> KL = Option.choice(
            "kl",
            "auto",
            "auto: closed form where the pair has one, else Monte Carlo",
            "auto",
            "analytic",
            "monte-carlo");
    static final Option<Integer> SAMPLES = Option.integer(
                    "samples", 1, "posterior samples per example for the expectation")
            .atLeast(1);

    private final double beta;
    private final String klMode;
    private final KlAnnealing annealing;
    private final FreeBits freeBits;
    private final int samples;

    EvidenceLowerBound(double beta, String klMode, KlAnnealing annealing, FreeBits freeBits, int samples) {
        this.beta = beta;
        this.klMode = klMode;
        this.annealing = annealing;
        this.freeBits = freeBits;
        this.samples = samples;
    }

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.DENSITY);
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        Encoding.Density encoding = (Encoding.Density) model.encoder().encode(x, context);
        Distribution posterior = encoding.posterior();
        Distribution prior = model.prior().distribution(context);
        Shape sampleShape = samples == 1 ? new Shape() : new Shape(samples);
        Optional<NDArray> closed = closedFormKl(posterior, prior);
        NDArray z;
        NDArray kl;
        Map<String, NDArray> klPerLayer = new LinkedHashMap<>();
        if (closed.isPresent()) {
            z = posterior.rsample(sampleShape);
            kl = closed.get();
        } else {
            Draw draw = posterior.rsampleWithLogProb(sampleShape);
            z = draw.value();
            Optional<LayerTerms> layers = LayerTerms.of(posterior, draw, prior);
            kl = draw.logProb().sub(layers.isPresent() ? layers.get().logPriorSum() : prior.logProb(z));
            layers.ifPresent(terms -> klPerLayer.putAll(terms.klPerLayer()));
        }
        NDArray reconstruction = model.decoder().decode(z, context).logProb(x);
        if (samples > 1) {
            reconstruction = reconstruction.mean(new int[] {0});
            if (kl.getShape().dimension() > 1) {
                kl = kl.mean(new int[] {0});
            }
            klPerLayer.replaceAll((name, term) -> term.mean(new int[] {0}));
        }
        NDArray elbo = reconstruction.sub(kl);
        double weight = beta * annealing.weight(context);
        NDArray loss;
        if (freeBits.on()) {
            NDArray floored = freeBits.penalty(klPerLayer.isEmpty() ? Map.of("z", kl) : klPerLayer);
            loss = Scalars.times(floored, (float) weight).sub(reconstruction.mean());
        } else {
            NDArray weighted = weight == 1 ? kl : Scalars.times(kl, (float) weight);
            loss = weighted.sub(reconstruction).mean();
        }

        ObjectiveValue.Builder value = ObjectiveValue.of(loss)
                .term("reconstruction", reconstruction.mean().neg())
                .term("kl", kl.mean());
        klPerLayer.forEach((layer, term) -> value.term("kl-" + layer, term.mean()));
        if (annealing.on()) {
            value.term("kl-weight", context.manager().create((float) weight));
        }
        return value.bound(elbo).build();
    }

    /** The closed-form KL where the pair has one and kl is not monte-carlo; refuses kl=analytic without one. */
    private Optional<NDArray> closedFormKl(Distribution posterior, Distribution prior) {
        if (klMode.equals("monte-carlo")) {
            return Optional.empty();
        }
        Optional<NDArray> closed = posterior.klDivergence(prior);
        if (closed.isEmpty() && klMode.equals("analytic")) {
            throw new GenzooException(
                    "kl=analytic needs a closed-form KL between posterior and prior, and this pair has"
                            + " none; use kl=auto or kl=monte-carlo");
        }
        return closed;
    }

    /** Creates the {@code elbo} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "elbo";
        }

        @Override
        public String description() {
            return "evidence lower bound, reconstruction - beta * KL, with KL warm-up or cyclical annealing and free"
                    + " bits (Kingma and Welling 2014)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(
                    BETA, KL, KlAnnealing.WARMUP, KlAnnealing.CYCLES, KlAnnealing.RISE, FreeBits.LAMBDA, SAMPLES);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new EvidenceLowerBound(
                    options.get(BETA),
                    options.get(KL),
                    KlAnnealing.of(options),
                    FreeBits.of(options),
                    options.get(SAMPLES));
        }
    }
}
