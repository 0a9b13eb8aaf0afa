package dev.genzoo.contract;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;

/**
 * A model whose log p(x) is known exactly, built from genzoo components, against which an
 * objective's bound is checked: one fixture per encoder kind. The kit implements {@link
 * EncoderKind#DENSITY} with {@link ProbabilisticPca}; a family with another kind (a bijection for
 * flows, a point mass for VQ, a fixed process for diffusion) adds a fixture of its kind here and a
 * case in {@link #forKind}.
 *
 * <p>The model's decoder and prior start at the true data distribution, which {@link #sample}
 * draws from; its encoder starts deliberately poor, so training has something to improve. Owns its
 * manager; close it (or the {@link dev.genzoo.runtime.wiring.AssembledModel} built on it).
 */
public interface ExactModel extends AutoCloseable {

    /**
     * The kind of encoder this model has.
     *
     * @return the kind an objective must accept to be checked here
     */
    EncoderKind kind();

    /**
     * The manager that owns the components' parameters, on the configured device.
     *
     * @return the manager
     */
    NDManager manager();

    /**
     * One example's shape.
     *
     * @return the data shape
     */
    Shape dataShape();

    /**
     * The encoder, prior and decoder.
     *
     * @return the model
     */
    GenerativeModel model();

    /**
     * A build context holding the three components, for creating the objective under test.
     *
     * @return the context
     */
    BuildContext buildContext();

    /**
     * Examples from the true data distribution (the model at its starting parameters).
     *
     * @param n how many
     * @param seed the seed of the draws (a {@link java.util.Random})
     * @return n examples, flattened one after another
     */
    float[] sample(int n, long seed);

    /**
     * The exact log p(x) of each example under the model's current parameters, in doubles.
     *
     * @param examples flattened examples
     * @return one log-likelihood per example, in nats
     */
    double[] logLikelihood(float[] examples);

    /**
     * Sets the encoder to the model's exact posterior p(z|x), where a bound can be tight (the ELBO
     * equals log p(x) there), so that a bound that is too high by a fraction of a nat shows.
     */
    void useExactPosterior();

    @Override
    void close();

    /**
     * The kit's exact model for an encoder kind.
     *
     * @param kind the kind
     * @param manager a fresh manager on the configured device; the model owns it
     * @return the model
     * @throws UnsupportedOperationException for a kind the kit has no exact model of yet
     */
    static ExactModel forKind(EncoderKind kind, NDManager manager) {
        if (kind == EncoderKind.DENSITY) {
            return ProbabilisticPca.standard(manager);
        }
        manager.close();
        throw new UnsupportedOperationException(
                "the contract kit has no exact model with an encoder that outputs "
                        + kind.description()
                        + " yet; override ObjectiveContract.exactModel to bring one");
    }
}
