package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;

/**
 * A recognition model q(z|x) over latent vectors (Kingma and Welling 2014, section 2.1): a {@link
 * MultilayerPerceptron} reads each example flattened to a vector, and its outputs are the
 * parameters of a density over L latent dimensions, which a subclass reads (a Gaussian's mean and
 * log-variance, a mixture's weights and components, a Laplace's locations and scales).
 */
public abstract class RecognitionModel implements Encoder {
    /** {@code latent}: the latent dimensions L, 20 by default. */
    public static final Option<Integer> LATENT =
            Option.integer("latent", 20, "latent dimensions").atLeast(1);

    private final MultilayerPerceptron network;
    private final int latent;
    private final boolean conditioned;

    /**
     * A model whose network gives the posterior's parameters.
     *
     * @param network from the flattened example's size to as many outputs as the posterior reads
     * @param latent L
     */
    protected RecognitionModel(MultilayerPerceptron network, int latent) {
        this(network, latent, false);
    }

    /**
     * An encoder whose network reads x and, when {@code conditioned}, the condition's features
     * beside it: q(z|x, y) (api 1.2; Sohn et al. 2015).
     *
     * @param network the network, its input the flattened example and then the condition's features
     * @param latent the latent dimensions
     * @param conditioned whether the network's input includes the condition
     */
    protected RecognitionModel(MultilayerPerceptron network, int latent, boolean conditioned) {
        this.network = network;
        this.latent = latent;
        this.conditioned = conditioned;
    }

    @Override
    public boolean acceptsCondition() {
        return conditioned;
    }

    /**
     * The posterior that the network's outputs parameterize.
     *
     * @param outputs the network's outputs, [B, out]
     * @param context the pass
     * @return q(z|x), batch shape [B], event shape (L)
     */
    protected abstract Distribution posterior(NDArray outputs, StepContext context);

    @Override
    public final EncoderKind kind() {
        return EncoderKind.DENSITY;
    }

    @Override
    public final Shape latentShape() {
        return new Shape(latent);
    }

    @Override
    public final Encoding encode(NDArray x, StepContext context) {
        NDArray input = x.reshape(x.getShape().get(0), -1);
        if (conditioned) {
            input = context.condition()
                    .orElseThrow(() -> new GenzooException("this encoder was built for a conditional model, and the"
                            + " batch came without a condition"))
                    .appendTo(input);
        }
        NDArray outputs = network.forward(input, context);
        return Encoding.density(posterior(outputs, context));
    }

    /**
     * The network's parameters, under its names.
     *
     * @return {@link MultilayerPerceptron#parameters()}
     */
    @Override
    public ParameterList parameters() {
        return network.parameters();
    }

    /**
     * The recognition network.
     *
     * @return the MLP
     */
    protected final MultilayerPerceptron network() {
        return network;
    }

    /**
     * The number of latent dimensions.
     *
     * @return L
     */
    protected final int latent() {
        return latent;
    }
}
