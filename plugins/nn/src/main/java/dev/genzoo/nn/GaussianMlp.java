package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import java.util.Objects;

/**
 * The Gaussian MLP of Kingma and Welling (2014, appendix C.2): a {@link MultilayerPerceptron} whose
 * 2L outputs are the mean and the log-variance of a diagonal Gaussian over L dimensions, the first
 * half and the second. An encoder's q(z|x), a hierarchy's p(z1|z2), a flow's base posterior.
 */
public final class GaussianMlp {
    private final MultilayerPerceptron network;

    /**
     * Reads a network's outputs as a Gaussian's parameters.
     *
     * @param network a network with an even number of outputs
     */
    public GaussianMlp(MultilayerPerceptron network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * The Gaussian at inputs with any leading axes.
     *
     * @param x [..., in]
     * @param context the pass
     * @return N(mu(x), diag exp(logvar(x))), batch shape [...], event shape (L)
     */
    public Normal apply(NDArray x, StepContext context) {
        return meanAndLogVariance(network.forwardLast(x, context));
    }

    /**
     * The diagonal Gaussian whose mean and log-variance are the first and second half of the last
     * axis of a network's outputs.
     *
     * @param outputs [..., 2L]
     * @return N(mean, diag exp(logvar)), batch shape [...], event shape (L)
     */
    public static Normal meanAndLogVariance(NDArray outputs) {
        NDList halves = outputs.split(2, outputs.getShape().dimension() - 1);
        return Normal.ofLogVariance(halves.get(0), halves.get(1), 1);
    }

    /**
     * The Gaussian for each example of a batch, its example flattened to a vector.
     *
     * @param batch [B, ...], B examples of in elements each
     * @param context the pass
     * @return batch shape [B], event shape (L)
     */
    public Normal applyToExamples(NDArray batch, StepContext context) {
        return apply(batch.reshape(batch.getShape().get(0), -1), context);
    }

    /**
     * The network.
     *
     * @return the MLP that computes (mu, logvar)
     */
    public MultilayerPerceptron network() {
        return network;
    }

    /**
     * The network's parameters.
     *
     * @return {@link MultilayerPerceptron#parameters()}
     */
    public ParameterList parameters() {
        return network.parameters();
    }
}
