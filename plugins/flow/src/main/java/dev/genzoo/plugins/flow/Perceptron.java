package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron in -> hidden... -> out, the conditioner of a coupling layer (Dinh et al.
 * 2017, section 3.3) or, with masks, of an autoregressive one (Germain et al. 2015). Layers start
 * as PyTorch's nn.Linear; a conditioner's last layer starts at zero, so its flow step starts as the
 * identity.
 */
final class Perceptron {
    static final Option<List<Integer>> HIDDEN = Option.integers(
                    "hidden", List.of(64, 64), "hidden layer widths of each conditioner network")
            .atLeast(1);
    static final Option<String> ACTIVATION =
            Option.choice("activation", "relu", "activation between layers", "relu", "tanh", "elu");

    private final List<Dense> layers = new ArrayList<>();
    private final String activation;

    /**
     * A network on the model's manager.
     *
     * @param manager owns the parameters
     * @param widths in, hidden..., out
     * @param masks one mask per layer (see {@link Dense}), or null for a dense network
     * @param activation relu, tanh or elu
     * @param zeroLast start the last layer at zero (a conditioner) rather than at random
     */
    Perceptron(NDManager manager, List<Long> widths, List<float[]> masks, String activation, boolean zeroLast) {
        this.activation = activation;
        int count = widths.size() - 1;
        for (int i = 0; i < count; i++) {
            float[] mask = masks == null ? null : masks.get(i);
            layers.add(new Dense(manager, widths.get(i), widths.get(i + 1), mask, zeroLast && i == count - 1));
        }
    }

    /** in, hidden..., out as one list. */
    static List<Long> widths(long in, List<Integer> hidden, long out) {
        List<Long> widths = new ArrayList<>();
        widths.add(in);
        hidden.forEach(h -> widths.add((long) h));
        widths.add(out);
        return widths;
    }

    /** Applies the network to rows [N, in]. */
    NDArray forward(NDArray x, StepContext context) {
        NDArray h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h, context);
            if (i < layers.size() - 1) {
                h = activate(h);
            }
        }
        return h;
    }

    private NDArray activate(NDArray h) {
        switch (activation) {
            case "relu":
                return h.getNDArrayInternal().relu();
            case "tanh":
                return h.tanh();
            case "elu":
                // elu(h) = max(h, 0) + exp(min(h, 0)) - 1, with no Java number in the graph
                NDArray zero = h.zerosLike();
                return h.maximum(zero).add(h.minimum(zero).exp()).sub(h.onesLike());
            default:
                throw new IllegalArgumentException(activation);
        }
    }

    /** Adds {@code prefix.layerI.weight} and {@code .bias} for every layer. */
    void addParameters(ParameterList list, String prefix) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).addParameters(list, prefix + ".layer" + i);
        }
    }
}
