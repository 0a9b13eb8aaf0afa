package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A multilayer perceptron in -> hidden... -> out (Rumelhart, Hinton and Williams 1986): {@link Dense}
 * layers initialized as PyTorch's nn.Linear, one {@link Nonlinearity} between each two. Its
 * parameters are read through the pass's store, and listed under the names its {@link LayerNames}
 * give, which checkpoints are keyed by.
 */
public final class MultilayerPerceptron {
    /** {@code hidden}: the hidden widths of the plugins' MLP encoders and decoders (vae, iwae), 400 by default. */
    public static final Option<List<Integer>> HIDDEN = Option.integers(
                    "hidden", List.of(400), "hidden layer widths, comma-separated")
            .atLeast(1);

    /** {@code activation}: any of the {@link Nonlinearity nonlinearities}, ReLU by default. */
    public static final Option<String> ACTIVATION = Nonlinearity.option(Nonlinearity.RELU, Nonlinearity.values());

    /** The names a network's layers give their weights and biases in a parameter list. */
    public enum LayerNames {
        /**
         * {@code 01Linear_weight}, {@code 01Linear_bias}, {@code 03Linear_weight}, ...: the names of
         * DJL's SequentialBlock of Linear blocks with an activation block between each two, which
         * the vae and iwae plugins' networks were.
         */
        SEQUENTIAL_BLOCK {
            @Override
            public String of(int layer, String parameter) {
                return String.format(Locale.ROOT, "%02dLinear_%s", 2 * layer + 1, parameter);
            }
        },
        /** {@code layer0.weight}, {@code layer0.bias}, {@code layer1.weight}, ... */
        INDEXED {
            @Override
            public String of(int layer, String parameter) {
                return "layer" + layer + "." + parameter;
            }
        };

        /**
         * The name of one parameter of one layer.
         *
         * @param layer the layer, from 0 at the input
         * @param parameter {@code weight} or {@code bias}
         * @return the name
         */
        public abstract String of(int layer, String parameter);
    }

    private final List<Dense> layers;
    private final Nonlinearity activation;
    private final LayerNames names;

    private MultilayerPerceptron(List<Dense> layers, Nonlinearity activation, LayerNames names) {
        this.layers = List.copyOf(layers);
        this.activation = activation;
        this.names = names;
    }

    /**
     * A network in -> hidden... -> out, to be configured and built.
     *
     * @param in input width
     * @param hidden hidden widths, possibly none (one affine layer)
     * @param out output width
     * @return a builder
     */
    public static Builder builder(long in, List<Integer> hidden, long out) {
        List<Long> widths = new ArrayList<>();
        widths.add(in);
        hidden.forEach(h -> widths.add((long) h));
        widths.add(out);
        return new Builder(widths);
    }

    /**
     * The network of a vae or iwae plugin component: ReLU or another activation between layers,
     * wide layers adding their bias in place, named as DJL's SequentialBlock named the blocks those
     * plugins were first built from ({@link LayerNames#SEQUENTIAL_BLOCK}), so that their
     * checkpoints keep loading.
     *
     * @param manager the model's manager
     * @param in input width
     * @param hidden hidden widths
     * @param out output width
     * @param activation the activation's word
     * @return the network
     */
    public static MultilayerPerceptron sequential(
            NDManager manager, long in, List<Integer> hidden, long out, String activation) {
        return builder(in, hidden, out)
                .activation(activation)
                .names(LayerNames.SEQUENTIAL_BLOCK)
                .biasInPlaceWhenWide()
                .build(manager);
    }

    /**
     * {@link #sequential(NDManager, long, List, long, String)} with the hidden widths and the
     * activation that the options {@link #HIDDEN} and {@link #ACTIVATION} give.
     *
     * @param manager the model's manager
     * @param in input width
     * @param options values for {@link #HIDDEN} and {@link #ACTIVATION}
     * @param out output width
     * @return the network
     */
    public static MultilayerPerceptron sequential(NDManager manager, long in, Options options, long out) {
        return sequential(manager, in, options.get(HIDDEN), out, options.get(ACTIVATION));
    }

    /**
     * Applies the network to rows.
     *
     * @param rows [N, in]
     * @param context the pass
     * @return [N, out]
     */
    public NDArray forward(NDArray rows, StepContext context) {
        return forwardAfterFirst(layers.get(0).forward(rows, context), context);
    }

    /**
     * Applies the network to the last axis, any leading axes kept (one batched call for, say, [K,
     * B, latent] importance samples).
     *
     * @param x [..., in]
     * @param context the pass
     * @return [..., out]
     */
    public NDArray forwardLast(NDArray x, StepContext context) {
        Shape shape = x.getShape();
        if (shape.dimension() == 2) {
            return forward(x, context);
        }
        NDArray rows = forward(x.reshape(-1, shape.tail()), context);
        return rows.reshape(
                shape.slice(0, shape.dimension() - 1).add(rows.getShape().tail()));
    }

    /**
     * The rest of the network after its first layer: the activation, then every later layer. For
     * a caller that computes the first layer its own way (by parts of its weight, say).
     *
     * @param first the first layer's output, [N, hidden_0]
     * @param context the pass
     * @return [N, out]
     */
    public NDArray forwardAfterFirst(NDArray first, StepContext context) {
        NDArray h = first;
        for (int i = 1; i < layers.size(); i++) {
            h = layers.get(i).forward(activation.apply(h), context);
        }
        return h;
    }

    /**
     * One layer.
     *
     * @param index from 0 at the input
     * @return the layer
     */
    public Dense layer(int index) {
        return layers.get(index);
    }

    /**
     * The number of affine layers: hidden layers plus one.
     *
     * @return the depth
     */
    public int depth() {
        return layers.size();
    }

    /**
     * The weights and biases, layer by layer, under their {@link LayerNames}.
     *
     * @return a new list
     */
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        for (int i = 0; i < layers.size(); i++) {
            list.add(names.of(i, "weight"), layers.get(i).weight());
            list.add(names.of(i, "bias"), layers.get(i).bias());
        }
        return list;
    }

    /**
     * Adds the weights and biases to a list under {@code prefix.NAME}.
     *
     * @param list the list
     * @param prefix the network's name within its component
     */
    public void addParameters(ParameterList list, String prefix) {
        parameters().forEach(pair -> list.add(prefix + "." + pair.getKey(), pair.getValue()));
    }

    /** How a {@link MultilayerPerceptron} is made. */
    public static final class Builder {
        private final List<Long> widths;
        private Nonlinearity activation = Nonlinearity.RELU;
        private LayerNames names = LayerNames.INDEXED;
        private boolean lastAtZero;
        private List<float[]> masks;
        private boolean biasInPlaceWhenWide;

        private Builder(List<Long> widths) {
            this.widths = widths;
        }

        /**
         * The activation between layers, ReLU unless given.
         *
         * @param between the activation
         * @return this builder
         */
        public Builder activation(Nonlinearity between) {
            this.activation = Objects.requireNonNull(between, "between");
            return this;
        }

        /**
         * The activation between layers by its word, as an {@code activation} option gives it.
         *
         * @param word relu, tanh, softplus, elu, gelu or silu
         * @return this builder
         */
        public Builder activation(String word) {
            return activation(Nonlinearity.of(word));
        }

        /**
         * The names of the parameters, {@link LayerNames#INDEXED} unless given.
         *
         * @param layerNames the naming
         * @return this builder
         */
        public Builder names(LayerNames layerNames) {
            this.names = Objects.requireNonNull(layerNames, "layerNames");
            return this;
        }

        /**
         * Start the last layer at zero (a flow conditioner, whose step then starts as the identity).
         *
         * @param atZero whether it starts at zero
         * @return this builder
         */
        public Builder lastLayerAtZero(boolean atZero) {
            this.lastAtZero = atZero;
            return this;
        }

        /**
         * Masks on the layers' weights (MADE).
         *
         * @param perLayer one row-major [out, in] 0/1 mask per layer, or null for a dense network
         * @return this builder
         */
        public Builder masks(List<float[]> perLayer) {
            if (perLayer != null && perLayer.size() != widths.size() - 1) {
                throw new IllegalArgumentException(
                        "a network of " + (widths.size() - 1) + " layers takes as many masks, not " + perLayer.size());
            }
            this.masks = perLayer;
            return this;
        }

        /**
         * Let wide layers add their bias in place after the product (see {@link Dense}).
         *
         * @return this builder
         */
        public Builder biasInPlaceWhenWide() {
            this.biasInPlaceWhenWide = true;
            return this;
        }

        /**
         * Creates the layers' parameters, from the input layer to the output, each weight before its
         * bias: the order in which PyTorch and DJL draw them.
         *
         * @param manager the model's manager, which owns them
         * @return the network
         */
        public MultilayerPerceptron build(NDManager manager) {
            int count = widths.size() - 1;
            List<Dense> layers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Dense.Builder layer = Dense.builder(widths.get(i), widths.get(i + 1))
                        .startAtZero(lastAtZero && i == count - 1)
                        .mask(masks == null ? null : masks.get(i))
                        .names(names.of(i, "weight"), names.of(i, "bias"));
                if (biasInPlaceWhenWide) {
                    layer.biasInPlaceWhenWide();
                }
                layers.add(layer.build(manager));
            }
            return new MultilayerPerceptron(layers, activation, names);
        }
    }
}
