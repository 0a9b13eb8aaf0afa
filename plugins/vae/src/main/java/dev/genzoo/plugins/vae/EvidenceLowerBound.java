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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence lower bound E_q[log p(x|z)] - beta * KL(q(z|x) || p(z)) (Kingma and Welling 2014,
 * equation 10; beta from Higgins et al. 2017; linear KL warm-up from Sonderby et al. 2016).
 *
 * <p>The loss is the negative of the beta-weighted bound, averaged over the batch; the reported
 * {@link ObjectiveValue#bound() bound} is the ELBO itself (beta = 1), a lower bound on log p(x).
 */
public final class EvidenceLowerBound implements Objective {
    static final Option<Double> BETA = Option.real("beta", 1.0, "weight of the KL term (beta-VAE); 1 is the ELBO")
            .atLeast(0);
    static final Option<String> KL = Option.choice(
            "kl",
            "auto",
            "auto: closed form where the pair has one, else Monte Carlo",
            "auto",
            "analytic",
            "monte-carlo");
    static final Option<Double> WARMUP = Option.real(
                    "warmup-epochs", 0.0, "epochs over which the KL weight rises linearly from 0 to beta")
            .atLeast(0);
    static final Option<Integer> SAMPLES = Option.integer(
                    "samples", 1, "posterior samples per example for the expectation")
            .atLeast(1);

    private final double beta;
    private final String klMode;
    private final double warmupEpochs;
    private final int samples;

    EvidenceLowerBound(double beta, String klMode, double warmupEpochs, int samples) {
        this.beta = beta;
        this.klMode = klMode;
        this.warmupEpochs = warmupEpochs;
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
        if (closed.isPresent()) {
            z = posterior.rsample(sampleShape);
            kl = closed.get();
        } else {
            Draw draw = posterior.rsampleWithLogProb(sampleShape);
            z = draw.value();
            kl = draw.logProb().sub(prior.logProb(z));
        }
        NDArray reconstruction = model.decoder().decode(z, context).logProb(x);
        if (samples > 1) {
            reconstruction = reconstruction.mean(new int[] {0});
            if (kl.getShape().dimension() > 1) {
                kl = kl.mean(new int[] {0});
            }
        }
        NDArray elbo = reconstruction.sub(kl);
        double weight = beta * warmup(context);
        NDArray weighted = weight == 1 ? kl : Scalars.times(kl, (float) weight);
        NDArray loss = weighted.sub(reconstruction).mean();

        ObjectiveValue.Builder value = ObjectiveValue.of(loss)
                .term("reconstruction", reconstruction.mean().neg())
                .term("kl", kl.mean())
                .bound(elbo);
        if (warmupEpochs > 0) {
            value.term("kl-weight", context.manager().create((float) weight));
        }
        return value.build();
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

    private double warmup(StepContext context) {
        if (warmupEpochs <= 0 || !context.training()) {
            return 1;
        }
        return Math.min(1, context.epochsCompleted() / warmupEpochs);
    }

    /** Creates the {@code elbo} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "elbo";
        }

        @Override
        public String description() {
            return "evidence lower bound, reconstruction - beta * KL, with KL warm-up (Kingma and Welling 2014)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(BETA, KL, WARMUP, SAMPLES);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new EvidenceLowerBound(
                    options.get(BETA), options.get(KL), options.get(WARMUP), options.get(SAMPLES));
        }
    }
}
