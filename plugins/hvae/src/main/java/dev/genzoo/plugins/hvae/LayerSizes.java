package dev.genzoo.plugins.hvae;

import ai.djl.ndarray.NDManager;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.GaussianMlp;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.Nonlinearity;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizes a hierarchy's components share, as options: each layer's units ({@code latents}), the
 * widths of the networks between x and z1 ({@code hidden}) and between two layers ({@code
 * layer-hidden}), and their activation; and the networks those sizes make.
 */
final class LayerSizes {
    static final Option<List<Integer>> LATENTS = Option.integers(
                    "latents", List.of(64, 32, 16), "units of each stochastic layer, z1 (next to x) first")
            .atLeast(1);
    static final Option<List<Integer>> HIDDEN = Option.integers(
                    "hidden", List.of(200, 200), "widths of the networks between x and z1")
            .atLeast(1);
    static final Option<List<Integer>> LAYER_HIDDEN = Option.integers(
                    "layer-hidden", List.of(100, 100), "widths of the networks between two stochastic layers")
            .atLeast(1);
    /**
     * ReLU by default: with tanh (Burda et al.'s choice) and PyTorch's initialization a two-layer
     * hvae sat on the pixel marginals for its first epoch on binarized MNIST (test bound -190.2
     * after 469 steps, against -172.1 with ReLU), its top layer unused; see docs/results.md.
     */
    static final Option<String> ACTIVATION = Nonlinearity.option(Nonlinearity.RELU, Nonlinearity.values());

    private LayerSizes() {}

    /** The layout the {@code latents} option gives: z1, ..., zL. */
    static LatentLayout layout(Options options) {
        List<Integer> sizes = options.get(LATENTS);
        long[] units = new long[sizes.size()];
        for (int l = 0; l < units.length; l++) {
            units[l] = sizes.get(l);
        }
        return LatentLayout.layers(units);
    }

    /** An MLP with the given hidden widths and the option's activation, layers named layer0, layer1, .... */
    static MultilayerPerceptron network(NDManager manager, long in, List<Integer> hidden, long out, Options options) {
        return MultilayerPerceptron.builder(in, hidden, out)
                .activation(options.get(ACTIVATION))
                .build(manager);
    }

    /**
     * The generative conditionals p(z_l | z_{l+1}) for l = 1, ..., L - 1, each a Gaussian MLP from
     * the layer above through {@code layer-hidden}.
     */
    static List<GaussianMlp> generative(NDManager manager, LatentLayout layout, Options options) {
        List<GaussianMlp> down = new ArrayList<>();
        List<LatentLayout.Block> blocks = layout.blocks();
        for (int l = 0; l + 1 < blocks.size(); l++) {
            down.add(new GaussianMlp(network(
                    manager,
                    blocks.get(l + 1).size(),
                    options.get(LAYER_HIDDEN),
                    2 * blocks.get(l).size(),
                    options)));
        }
        return down;
    }

    /** The parameter names of the generative conditionals: p1 for p(z1|z2), p2 for p(z2|z3), .... */
    static void addGenerative(ai.djl.nn.ParameterList list, List<GaussianMlp> down) {
        for (int l = 0; l < down.size(); l++) {
            down.get(l).network().addParameters(list, "p" + (l + 1));
        }
    }
}
