package dev.genzoo.api;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.Optional;

/**
 * What a factory needs to create a component: the device's manager (parameters are created
 * there), the shape of one data example, and the components built before it. The runtime builds
 * in the order encoder, prior, decoder, objective, so a prior sees the encoder (a VampPrior needs
 * it) and a decoder sees both (a flow's inverse needs its encoder). Immutable.
 */
public final class BuildContext {
    private final NDManager manager;
    private final Shape dataShape;
    private final Encoder encoder;
    private final Prior prior;
    private final Decoder decoder;
    private final int conditionSize;

    private BuildContext(
            NDManager manager, Shape dataShape, Encoder encoder, Prior prior, Decoder decoder, int conditionSize) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.dataShape = Objects.requireNonNull(dataShape, "dataShape");
        this.encoder = encoder;
        this.prior = prior;
        this.decoder = decoder;
        this.conditionSize = conditionSize;
    }

    /**
     * A context for the first component, the encoder.
     *
     * @param manager the device's manager, which will own the parameters
     * @param dataShape one example's shape, without the batch axis: (1, 28, 28), (2)
     * @return the context
     */
    public static BuildContext of(NDManager manager, Shape dataShape) {
        return new BuildContext(manager, dataShape, null, null, null, 0);
    }

    /**
     * This context with the encoder added.
     *
     * @param built the encoder
     * @return a new context
     */
    public BuildContext withEncoder(Encoder built) {
        return new BuildContext(manager, dataShape, built, prior, decoder, conditionSize);
    }

    /**
     * This context with the prior added.
     *
     * @param built the prior
     * @return a new context
     */
    public BuildContext withPrior(Prior built) {
        return new BuildContext(manager, dataShape, encoder, built, decoder, conditionSize);
    }

    /**
     * This context with the decoder added.
     *
     * @param built the decoder
     * @return a new context
     */
    public BuildContext withDecoder(Decoder built) {
        return new BuildContext(manager, dataShape, encoder, prior, built, conditionSize);
    }

    /**
     * The manager of the chosen device. Parameters created here live as long as the model.
     *
     * @return the device manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * One data example's shape, without the batch axis.
     *
     * @return the data shape
     */
    public Shape dataShape() {
        return dataShape;
    }

    /**
     * The encoder, once built.
     *
     * @return the encoder, empty while the encoder itself is being built
     */
    public Optional<Encoder> encoder() {
        return Optional.ofNullable(encoder);
    }

    /**
     * The prior, once built.
     *
     * @return the prior, empty before it is built
     */
    public Optional<Prior> prior() {
        return Optional.ofNullable(prior);
    }

    /**
     * The decoder, once built.
     *
     * @return the decoder, empty before it is built
     */
    public Optional<Decoder> decoder() {
        return Optional.ofNullable(decoder);
    }

    /**
     * The latent shape of one example: the encoder's.
     *
     * @return the encoder's latent shape
     * @throws IllegalStateException while the encoder itself is being built
     */
    public Shape latentShape() {
        if (encoder == null) {
            throw new IllegalStateException("the latent shape is known once the encoder is built");
        }
        return encoder.latentShape();
    }

    /**
     * The named blocks of the latent: the encoder's (api 1.2). A prior or decoder of a hierarchy
     * reads its layers here.
     *
     * @return the encoder's latent layout
     * @throws IllegalStateException while the encoder itself is being built
     */
    public LatentLayout latentLayout() {
        if (encoder == null) {
            throw new IllegalStateException("the latent layout is known once the encoder is built");
        }
        return encoder.latentLayout();
    }

    /**
     * This context for the components of a conditional model (api 1.2): each batch will come with
     * a {@link Condition} of this many features in its {@link StepContext}.
     *
     * @param features F, the size of {@link Condition#features()}; 0 for an unconditional model
     * @return the context
     */
    public BuildContext withConditionSize(int features) {
        if (features < 0) {
            throw new IllegalArgumentException("a condition has at least 0 features, got " + features);
        }
        return new BuildContext(manager, dataShape, encoder, prior, decoder, features);
    }

    /**
     * The size of the condition every batch will carry (api 1.2): a component that reads it sizes
     * its input for it and says so in {@link Component#acceptsCondition()}.
     *
     * @return F, or 0 for an unconditional model
     */
    public int conditionSize() {
        return conditionSize;
    }
}
