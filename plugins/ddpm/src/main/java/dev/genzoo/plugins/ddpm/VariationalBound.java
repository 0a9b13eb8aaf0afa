package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.StepwiseBound;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The full variational bound L = L_T + sum_{t=2}^T KL(q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t)) +
 * L_0 (Ho et al. 2020, equation 5), L_0 with a discretized Gaussian for pixels, minimised as the
 * loss and reported as the bound in nats (the runtime adds bits per dimension). Training draws one step per
 * example; evaluation draws {@code bound-timesteps} stratified steps (see {@link VariationalTerms}).
 */
public final class VariationalBound implements Objective, StepwiseBound {
    private final int boundTimesteps;

    VariationalBound(int boundTimesteps) {
        this.boundTimesteps = boundTimesteps;
    }

    /**
     * Hands the pass, and its condition, on to the denoiser: a conditional model's bound is on
     * log p(x|y).
     */
    @Override
    public boolean acceptsCondition() {
        return true;
    }

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.FIXED_PROCESS);
    }

    @Override
    public Optional<String> incompatibility(GenerativeModel model) {
        return DiffusionModel.missing(model);
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        VariationalTerms terms = VariationalTerms.estimate(x, model, context, context.training() ? 1 : boundTimesteps);
        NDArray total = terms.total();
        NDArray loss = total.mean();
        return ObjectiveValue.of(loss)
                .term("prior", terms.prior().mean())
                .term("denoising", terms.denoising().mean())
                .term("decoder", terms.decoder().mean())
                .bound(total.neg())
                .build();
    }

    /** Every step's exact term of the variational bound, L_0 to L_T, averaged over the batch. */
    @Override
    public NDArray termsPerStep(NDArray x, GenerativeModel model, StepContext context) {
        return VariationalTerms.perStep(x, model, context);
    }

    /** Creates the {@code ddpm-vlb} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "ddpm-vlb";
        }

        @Override
        public String description() {
            return "the variational bound L_T + sum KL + L_0, discretized decoder for pixels; reports bits/dim (Ho et al. 2020)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(SimplifiedObjective.BOUND_TIMESTEPS);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new VariationalBound(options.get(SimplifiedObjective.BOUND_TIMESTEPS));
        }
    }
}
