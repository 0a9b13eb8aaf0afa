package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.genzoo.api.options.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The activations between a network's layers, each computed by one engine operation or written
 * out from engine operations, so that no Java number is kept in the autograd graph (see {@link
 * dev.genzoo.api.Scalars}): ReLU (Nair and Hinton 2010), tanh, softplus (Dugas et al. 2001), ELU
 * with alpha 1 (Clevert et al. 2016), GELU (Hendrycks and Gimpel 2016) and SiLU (Elfwing et al.
 * 2018).
 */
public enum Nonlinearity {
    /** max(x, 0). */
    RELU {
        @Override
        public NDArray apply(NDArray x) {
            return Activation.relu(x);
        }
    },
    /** tanh(x). */
    TANH {
        @Override
        public NDArray apply(NDArray x) {
            return Activation.tanh(x);
        }
    },
    /** log(1 + exp(x)). */
    SOFTPLUS {
        @Override
        public NDArray apply(NDArray x) {
            return Activation.softPlus(x);
        }
    },
    /** x for x &gt; 0, exp(x) - 1 otherwise (alpha = 1, passed to the engine's own elu as its argument). */
    ELU {
        @Override
        public NDArray apply(NDArray x) {
            return Activation.elu(x, 1f);
        }
    },
    /** x Phi(x), Phi the standard normal distribution function. */
    GELU {
        @Override
        public NDArray apply(NDArray x) {
            return Activation.gelu(x);
        }
    },
    /** x sigmoid(x), written out: DJL's swish multiplies by a Java number. */
    SILU {
        @Override
        public NDArray apply(NDArray x) {
            return x.mul(Activation.sigmoid(x));
        }
    };

    /**
     * Applies the activation elementwise.
     *
     * @param x any array
     * @return an array of x's shape
     */
    public abstract NDArray apply(NDArray x);

    /**
     * The word users choose it by: relu, tanh, softplus, elu, gelu, silu.
     *
     * @return the lower-case name
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation a word names.
     *
     * @param word one of the {@link #word() words}
     * @return the activation
     * @throws IllegalArgumentException for any other word (an option's choices exclude it first)
     */
    public static Nonlinearity of(String word) {
        for (Nonlinearity candidate : values()) {
            if (candidate.word().equals(word)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no activation named '" + word + "'");
    }

    /**
     * The option {@code activation} offering some of these, its default listed first and the others
     * in declaration order.
     *
     * @param byDefault the default
     * @param offered the activations users may choose; the default is offered whether listed or not
     * @return the option, described as "activation between layers"
     */
    public static Option<String> option(Nonlinearity byDefault, Nonlinearity... offered) {
        List<String> words = new ArrayList<>();
        words.add(byDefault.word());
        List<Nonlinearity> others = List.of(offered);
        for (Nonlinearity candidate : values()) {
            if (candidate != byDefault && others.contains(candidate)) {
                words.add(candidate.word());
            }
        }
        return Option.choice("activation", byDefault.word(), "activation between layers", words.toArray(String[]::new));
    }
}
