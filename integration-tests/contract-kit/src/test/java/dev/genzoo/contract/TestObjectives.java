package dev.genzoo.contract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.options.Options;
import java.util.Set;

/**
 * Objectives written for the kit's own tests: a correct Monte Carlo ELBO, and three that break the
 * contract in one way each.
 */
final class TestObjectives {
    private TestObjectives() {}

    /** How an objective departs from the ELBO. */
    enum Flaw {
        /** None: the single-sample ELBO, log p(x|z) + log p(z) - log q(z|x). */
        NONE,
        /** Reports log p(x | z = mean of q), a reconstruction that is no bound on log p(x). */
        NO_BOUND,
        /** Adds sqrt(m - m) for the posterior mean m: the value is unchanged, the gradient NaN. */
        NAN_GRADIENT,
        /** Multiplies the loss by zero: nothing trains. */
        NOTHING_TRAINS
    }

    static ObjectiveFactory factory(Flaw flaw) {
        return new ObjectiveFactory() {
            @Override
            public String name() {
                return "test-" + flaw.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public String description() {
                return "a test objective";
            }

            @Override
            public Objective create(Options options, BuildContext context) {
                return new Objective() {
                    @Override
                    public Set<EncoderKind> acceptedEncoders() {
                        return Set.of(EncoderKind.DENSITY);
                    }

                    @Override
                    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext step) {
                        return TestObjectives.evaluate(flaw, x, model, step);
                    }
                };
            }
        };
    }

    private static ObjectiveValue evaluate(Flaw flaw, NDArray x, GenerativeModel model, StepContext step) {
        Distribution q = ((Encoding.Density) model.encoder().encode(x, step)).posterior();
        Distribution prior = model.prior().distribution(step);
        if (flaw == Flaw.NO_BOUND) {
            NDArray reconstruction = model.decoder().decode(q.mean(), step).logProb(x);
            return ObjectiveValue.of(reconstruction.mean().neg())
                    .bound(reconstruction)
                    .build();
        }
        Draw draw = q.rsampleWithLogProb(new Shape());
        NDArray elbo = model.decoder()
                .decode(draw.value(), step)
                .logProb(x)
                .add(prior.logProb(draw.value()))
                .sub(draw.logProb());
        NDArray loss = elbo.mean().neg();
        if (flaw == Flaw.NAN_GRADIENT) {
            loss = loss.add(q.mean().sub(q.mean()).sqrt().sum());
        } else if (flaw == Flaw.NOTHING_TRAINS) {
            loss = loss.mul(step.manager().zeros(new Shape()));
        }
        return ObjectiveValue.of(loss).bound(elbo).build();
    }
}
