package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
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
 * The simplified objective L_simple = E_{t, x_0, eps} ||eps - eps_theta(sqrt(abar_t) x_0 +
 * sqrt(1 - abar_t) eps, t)||^2 with t uniform on 1..T (Ho et al. 2020, equation 14), averaged
 * over the data's dimensions as their code does. In evaluation passes it also reports the model's
 * variational bound (equation 5) as the {@link ObjectiveValue#bound() bound}, as the ELBO is
 * reported whatever weighting its loss uses.
 */
public final class SimplifiedObjective implements Objective, StepwiseBound {
    static final Option<Integer> BOUND_TIMESTEPS = Option.integer(
                    "bound-timesteps",
                    10,
                    "steps per example that estimate the variational bound in evaluation: t = 1 and"
                            + " one per stratum of 2..T (T: the exact sum)")
            .atLeast(1);

    private final int boundTimesteps;

    SimplifiedObjective(int boundTimesteps) {
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
        if (!context.training()) {
            VariationalTerms terms = VariationalTerms.estimate(x, model, context, boundTimesteps);
            NDArray total = terms.total();
            return ObjectiveValue.of(terms.meanSquaredError())
                    .bound(total.neg())
                    .build();
        }
        GaussianForwardProcess process =
                (GaussianForwardProcess) ((Encoding.Process) model.encoder().encode(x, context)).process();
        NDManager manager = context.manager();
        NDArray start = process.start();
        NDArray t = manager.randomInteger(
                1, process.steps() + 1L, new Shape(start.getShape().get(0)), DataType.INT64);
        NDArray noise = manager.randomNormal(start.getShape());
        NDArray predicted = ((Denoiser) model.decoder()).predictNoise(process.noised(t, noise), t, context);
        return ObjectiveValue.of(predicted.sub(noise).square().mean()).build();
    }

    /** Every step's exact term of the variational bound, L_0 to L_T, averaged over the batch. */
    @Override
    public NDArray termsPerStep(NDArray x, GenerativeModel model, StepContext context) {
        return VariationalTerms.perStep(x, model, context);
    }

    /** Creates the {@code ddpm-simple} objective. */
    public static final class Factory implements ObjectiveFactory {
        @Override
        public String name() {
            return "ddpm-simple";
        }

        @Override
        public String description() {
            return "L_simple: E ||eps - eps_theta(x_t, t)||^2, t uniform; reports the variational bound (Ho et al. 2020)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(BOUND_TIMESTEPS);
        }

        @Override
        public Objective create(Options options, BuildContext context) {
            return new SimplifiedObjective(options.get(BOUND_TIMESTEPS));
        }
    }
}
