package com.example.genzoo.renyi;

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
 * The Renyi variational bound L_alpha = 1/(1 - alpha) log E_q[(p(x, z) / q(z|x))^(1 - alpha)],
 * estimated with K samples as 1/(1 - alpha) (logsumexp_k((1 - alpha) log w_k) - log K) (Li and
 * Turner 2016, "Renyi Divergence Variational Inference", equations 5 and 11). For alpha in [0, 1)
 * its expectation lies between the ELBO and log p(x); alpha = 0 is the importance weighted bound.
 */
public final class RenyiBound implements Objective {
    static final Option<Double> ALPHA =
            Option.real("alpha", 0.5, "the Renyi order; 0 is the importance weighted bound, near 1 the ELBO")
                    .atLeast(0)
                    .check(a -> a < 1, "< 1 (alpha = 1 is the ELBO: use objective elbo)");
    static final Option<Integer> SAMPLES =
            Option.integer("samples", 5, "importance samples K per example, drawn in one batch").atLeast(1);

    private final float alpha;
    private final int samples;

    RenyiBound(float alpha, int samples) {
        this.alpha = alpha;
        this.samples = samples;
    }

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.DENSITY);
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        Distribution posterior = ((Encoding.Density) model.encoder().encode(x, context)).posterior();
        Distribution prior = model.prior().distribution(context);
        Draw draw = posterior.rsampleWithLogProb(new Shape(samples));               // z [K, B, ...]
        NDArray logJoint = model.decoder().decode(draw.value(), context).logProb(x)   // [K, B]
                .add(prior.logProb(draw.value()));
        NDArray logWeights = logJoint.sub(draw.logProb());                            // [K, B]
        float power = 1f - alpha;
        NDArray bound = Scalars.dividedBy(
                Scalars.plus(logSumExpOverSamples(Scalars.times(logWeights, power)), (float) -Math.log(samples)),
                power);                                                               // [B]
        return ObjectiveValue.of(bound.mean().neg())
                .term("elbo", logWeights.mean())
                .bound(bound)
                .build();
    }

    /** log sum_k exp(a_k) over the sample axis 0, shifted by the (constant) maximum for stability. */
    private static NDArray logSumExpOverSamples(NDArray a) {
        NDArray max = a.max(new int[] {0}, true).stopGradient();
        return a.sub(max).exp().sum(new int[] {0}).log().add(max.squeeze(0));
    }

    /** Creates the {@code renyi} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "renyi";
        }

        @Override
        public String description() {
            return "Renyi bound of order alpha with K samples (Li and Turner 2016; example plugin)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(ALPHA, SAMPLES);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new RenyiBound(options.get(ALPHA).floatValue(), options.get(SAMPLES));
        }
    }
}
