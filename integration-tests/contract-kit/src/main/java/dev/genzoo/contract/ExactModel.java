package dev.genzoo.contract;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;

/**
 * A model built from genzoo components together with an exact log-density that an objective's
 * bound may not exceed, against which the bound is checked: one fixture per encoder kind. The kit
 * has three. {@link ProbabilisticPca} (density encoders) and {@link CodebookMixture} (point-mass
 * encoders, a VQ-VAE with one code per example) know the model's own log p(x), so a bound is below
 * it for every x. {@link GaussianData} (bijections and fixed processes: flows, diffusions) knows
 * the density of the data it draws, which bounds the model's expected log-likelihood on them by
 * Gibbs' inequality, so a bound is below it in expectation. {@link #forKind} builds the kit's
 * fixture where it needs no plugin (PPCA); for the others, a family's contract test overrides
 * {@link ObjectiveContract#exactModel} and builds one from its own factories ({@link ModelRecipe}).
 *
 * <p>{@link #sample} draws from the true data distribution; the model's encoder starts
 * deliberately poor, or at its plugin's initialization, so training has something to improve.
 * Owns its manager; close it (or the {@link dev.genzoo.runtime.model.AssembledModel} built on it).
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
     * Examples from the true data distribution (for PPCA and a codebook mixture, the model at its
     * starting parameters).
     *
     * @param n how many
     * @param seed the seed of the draws (a {@link java.util.Random})
     * @return n examples, flattened one after another
     */
    float[] sample(int n, long seed);

    /**
     * The exact log-density each example's bound may not exceed in expectation over {@link
     * #sample}, in doubles: the model's own log p(x) under its current parameters (PPCA, a codebook
     * mixture), or the density of the data that {@link #sample} draws ({@link GaussianData}), which
     * is at least the model's expected log-likelihood on them.
     *
     * @param examples flattened examples
     * @return one log-density per example, in nats
     */
    double[] logLikelihood(float[] examples);

    /**
     * Sets the encoder to the model's exact posterior p(z|x), where a bound can be tight (the ELBO
     * equals log p(x) there), so that a bound that is too high by a fraction of a nat shows.
     *
     * @throws UnsupportedOperationException where the encoder cannot be set to a posterior (a
     *     bijection has none, a fixed process has no parameters, a point mass cannot equal p(k|x)),
     *     with one sentence saying why; the contract then skips the check that needs it
     */
    void useExactPosterior();

    @Override
    void close();

    /**
     * The kit's exact model for an encoder kind, where it needs no plugin: {@link
     * ProbabilisticPca} for density encoders. The fixtures of the other kinds are built from a
     * family's own components ({@link GaussianData}, {@link CodebookMixture}).
     *
     * @param kind the kind
     * @param manager a fresh manager on the configured device; the model owns it
     * @return the model
     * @throws UnsupportedOperationException for any other kind
     */
    static ExactModel forKind(EncoderKind kind, NDManager manager) {
        if (kind == EncoderKind.DENSITY) {
            return ProbabilisticPca.standard(manager);
        }
        manager.close();
        throw new UnsupportedOperationException("the contract kit builds no exact model with an encoder that outputs "
                + kind.description()
                + " by itself; override ObjectiveContract.exactModel to bring one ("
                + (kind == EncoderKind.POINT_MASS ? "CodebookMixture" : "GaussianData")
                + " builds one from your factories)");
    }
}
