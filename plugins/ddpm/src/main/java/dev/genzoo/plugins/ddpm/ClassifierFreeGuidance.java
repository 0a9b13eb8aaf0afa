package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;

/**
 * Classifier-free guidance (Ho and Salimans 2022, equation 6): the noise a sampler steps with is
 * eps~ = (1 + w) eps(x_t, y) - w eps(x_t, null), the conditional prediction pushed away from the
 * unconditional one, which the same network gives for a pass without a condition. At w = 0 it is
 * the conditional model's own prediction, and no second pass is made.
 */
final class ClassifierFreeGuidance {
    static final Option<Double> WEIGHT = Option.real(
                    "guidance",
                    0.0,
                    "classifier-free guidance weight w for a diffusion trained with --condition label: eps ="
                            + " (1 + w) eps(x, y) - w eps(x, null); 0 samples the conditional model itself")
            .atLeast(0);

    private ClassifierFreeGuidance() {}

    /**
     * The guided noise at x_t.
     *
     * @param denoiser the network
     * @param xt x_t
     * @param t the step
     * @param context the pass, with the condition of the samples when the model is conditional
     * @param weight w, at least 0
     * @return eps~, shaped like {@code xt}
     */
    static NDArray noise(Denoiser denoiser, NDArray xt, NDArray t, StepContext context, double weight) {
        NDArray conditional = denoiser.predictNoise(xt, t, context);
        if (weight == 0 || context.condition().isEmpty()) {
            return conditional;
        }
        NDArray unconditional = denoiser.predictNoise(xt, t, context.withCondition(null));
        return conditional.mul((float) (1 + weight)).sub(unconditional.mul((float) weight));
    }

    /**
     * Refuses guidance for a model without a condition to guide by.
     *
     * @param sampler the sampler's name, for the message
     * @param weight w
     * @param conditionSize the model's condition size, 0 for an unconditional model
     */
    static void check(String sampler, double weight, int conditionSize) {
        if (weight != 0 && conditionSize == 0) {
            throw new GenzooException("sampler '" + sampler + "' guides by a condition (guidance=" + weight
                    + "), and this diffusion was not trained with --condition label");
        }
    }
}
