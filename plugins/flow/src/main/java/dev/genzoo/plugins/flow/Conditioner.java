package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.options.Option;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.Nonlinearity;
import java.util.List;

/**
 * The conditioner of a flow step: the network that computes a coupling layer's scale and shift from
 * the kept half (Dinh et al. 2017, section 3.3) or, masked, an autoregressive layer's from the
 * elements before each one (Germain et al. 2015). An MLP whose last layer starts at zero, so that
 * its step starts as the identity, with the options every flow shares.
 */
final class Conditioner {
    static final Option<List<Integer>> HIDDEN = Option.integers(
                    "hidden", List.of(64, 64), "hidden layer widths of each conditioner network")
            .atLeast(1);
    static final Option<String> ACTIVATION =
            Nonlinearity.option(Nonlinearity.RELU, Nonlinearity.TANH, Nonlinearity.ELU);

    private Conditioner() {}

    /**
     * A conditioner on the model's manager, its parameters named {@code layerI.weight} and {@code
     * layerI.bias}.
     *
     * @param manager owns the parameters (and the masks)
     * @param in input width
     * @param hidden hidden widths
     * @param out output width
     * @param activation relu, tanh or elu
     * @param masks one row-major [out, in] 0/1 mask per layer (MADE), or null for a dense network
     * @return the network
     */
    static MultilayerPerceptron create(
            NDManager manager, long in, List<Integer> hidden, long out, String activation, List<float[]> masks) {
        return MultilayerPerceptron.builder(in, hidden, out)
                .activation(activation)
                .masks(masks)
                .lastLayerAtZero(true)
                .build(manager);
    }
}
