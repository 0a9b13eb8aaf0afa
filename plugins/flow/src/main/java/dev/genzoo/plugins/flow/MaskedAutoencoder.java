package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.MultilayerPerceptron;
import java.util.ArrayList;
import java.util.List;

/**
 * MADE, the masked autoencoder for distribution estimation (Germain et al. 2015, section 4): a
 * perceptron whose weight masks make output i (and output D + i) depend only on the inputs that
 * come before input i in a fixed order. Inputs have degrees 1..D in that order; hidden unit k has
 * degree 1 + (k mod (D - 1)); a hidden unit sees inputs of degree at most its own, and an output
 * of degree d sees hidden units of degree below d (equations 12 and 13).
 */
final class MaskedAutoencoder {
    private final MultilayerPerceptron network;

    /**
     * A MADE with 2D outputs, two per input.
     *
     * @param manager owns the parameters and masks
     * @param d the number of inputs, at least 2
     * @param hidden hidden widths
     * @param activation activation between layers
     * @param reversed order the inputs D, D-1, ..., 1 instead of 1, 2, ..., D
     */
    MaskedAutoencoder(NDManager manager, int d, List<Integer> hidden, String activation, boolean reversed) {
        if (d < 2) {
            throw new IllegalArgumentException("an autoregressive layer needs at least 2 dimensions");
        }
        List<int[]> degrees = new ArrayList<>();
        int[] inputs = new int[d];
        for (int i = 0; i < d; i++) {
            inputs[i] = reversed ? d - i : i + 1;
        }
        degrees.add(inputs);
        for (int width : hidden) {
            int[] units = new int[width];
            for (int k = 0; k < width; k++) {
                units[k] = 1 + k % (d - 1);
            }
            degrees.add(units);
        }
        int[] outputs = new int[2 * d];
        for (int o = 0; o < 2 * d; o++) {
            outputs[o] = inputs[o % d];
        }
        List<float[]> masks = new ArrayList<>();
        for (int layer = 0; layer + 1 < degrees.size(); layer++) {
            masks.add(mask(degrees.get(layer), degrees.get(layer + 1), false));
        }
        masks.add(mask(degrees.get(degrees.size() - 1), outputs, true));
        network = Conditioner.create(manager, d, hidden, 2L * d, activation, masks);
    }

    /** Row-major [out, in]: 1 where the out unit may see the in unit. */
    static float[] mask(int[] in, int[] out, boolean strict) {
        float[] mask = new float[out.length * in.length];
        for (int o = 0; o < out.length; o++) {
            for (int i = 0; i < in.length; i++) {
                boolean connected = strict ? out[o] > in[i] : out[o] >= in[i];
                mask[o * in.length + i] = connected ? 1f : 0f;
            }
        }
        return mask;
    }

    /** Outputs [N, 2D] for rows [N, D]; columns i and D + i depend on x's inputs before i only. */
    NDArray forward(NDArray x, StepContext context) {
        return network.forward(x, context);
    }

    void addParameters(ParameterList list, String prefix) {
        network.addParameters(list, prefix);
    }
}
