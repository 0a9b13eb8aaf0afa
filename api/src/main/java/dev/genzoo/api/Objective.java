package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import java.util.Set;

/**
 * A training objective: a scalar loss to minimise, usually the negative of a bound on log p(x),
 * with named terms for logging.
 */
public interface Objective extends Component {

    /**
     * The encoder kinds this objective can train.
     *
     * @return the accepted kinds, never empty
     */
    Set<EncoderKind> acceptedEncoders();

    /**
     * Why this objective cannot train the given model, beyond the encoder kind (which the runtime
     * checks itself): for example a decoder that must be a reverse chain. Called once, before
     * training, outside any step.
     *
     * @param model the assembled model
     * @return a sentence naming what is missing, or empty if the model can be trained
     */
    default Optional<String> incompatibility(GenerativeModel model) {
        return Optional.empty();
    }

    /**
     * Evaluates the objective on a batch. In training the runtime differentiates {@link
     * ObjectiveValue#loss()}; in evaluation no gradient is recorded.
     *
     * @param x a batch, shape [B, data...]
     * @param model the encoder, prior and decoder
     * @param context the step being run
     * @return the loss, its named terms and, where the objective has one, the per-example bound
     */
    ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context);
}
