package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import java.util.Objects;

/**
 * A decoder p(x|z), the generative model's observation distribution (Kingma and Welling 2014,
 * section 2.1): a network, which a subclass applies, maps latents to the parameters of a
 * distribution over one example, and an {@link OutputHead} makes that distribution. Its parameters
 * are the network's, then the head's.
 */
public abstract class ObservationModel implements Decoder {
    private final OutputHead head;
    private final Shape dataShape;
    private final ParameterList network;

    /**
     * A decoder of a network and a head.
     *
     * @param head the output distribution
     * @param dataShape one example's shape
     * @param network the network's parameters, under their names
     */
    protected ObservationModel(OutputHead head, Shape dataShape, ParameterList network) {
        this.head = Objects.requireNonNull(head, "head");
        this.dataShape = Objects.requireNonNull(dataShape, "dataShape");
        this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * The network's outputs for latents, one example's worth each.
     *
     * @param z latents [..., latent shape] (sample axes before the batch)
     * @param context the pass
     * @return [..., data shape]
     */
    protected abstract NDArray outputs(NDArray z, StepContext context);

    @Override
    public final Distribution decode(NDArray z, StepContext context) {
        return head.distribution(outputs(z, context), context);
    }

    @Override
    public final ParameterList parameters() {
        ParameterList list = new ParameterList();
        network.forEach(pair -> list.add(pair.getKey(), pair.getValue()));
        return head.addTo(list);
    }

    /**
     * One example's shape.
     *
     * @return the data shape
     */
    protected final Shape dataShape() {
        return dataShape;
    }
}
