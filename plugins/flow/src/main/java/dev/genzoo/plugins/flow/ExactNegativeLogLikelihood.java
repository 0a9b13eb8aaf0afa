package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.Set;

/**
 * The exact negative log-likelihood of a flow density model, by the change of variables log p(x) =
 * log p_Z(f(x)) + log|det df/dx| (Dinh et al. 2017, equation 3). The loss is its batch mean; the
 * bound is log p(x) itself, exact, per example.
 */
final class ExactNegativeLogLikelihood implements Objective {
    static final String NAME = "flow-nll";

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.BIJECTION);
    }

    /** A conditional flow's z = f(x; y) carries y itself: the objective reads nothing more. */
    @Override
    public boolean acceptsCondition() {
        return true;
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        Encoding.Bijection encoding = (Encoding.Bijection) model.encoder().encode(x, context);
        NDArray logDet = encoding.logDet();
        NDArray logLikelihood =
                model.prior().distribution(context).logProb(encoding.z()).add(logDet);
        return ObjectiveValue.of(logLikelihood.mean().neg())
                .term("log-det", logDet.mean())
                .bound(logLikelihood)
                .build();
    }

    /** Creates the {@code flow-nll} objective. */
    static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "exact negative log-likelihood of a flow, -log p(f(x)) - log|det df/dx| (Dinh et al. 2017)";
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new ExactNegativeLogLikelihood();
        }
    }
}
