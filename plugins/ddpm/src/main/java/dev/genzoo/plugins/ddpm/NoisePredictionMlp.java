package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP eps_theta(x_t, t) for 2-D points and flattened data: the input is x_t beside the
 * sinusoidal embedding of t, then hidden layers with SiLU (Elfwing et al. 2018), then a linear
 * layer to the data's width; the common toy-data denoiser of diffusion tutorials.
 */
final class NoisePredictionMlp implements NoisePredictor {
    private final long width;
    private final int embeddingWidth;
    private final NDArray embeddings;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private final ParameterList parameters;

    NoisePredictionMlp(NDManager manager, long width, List<Integer> hidden, int embeddingWidth, int steps) {
        this.width = width;
        this.embeddingWidth = embeddingWidth;
        this.embeddings = SinusoidalEmbedding.table(manager, steps, embeddingWidth);
        Weights created = new Weights(manager);
        long fanIn = width + embeddingWidth;
        List<Integer> outs = new ArrayList<>(hidden);
        outs.add((int) width);
        for (int i = 0; i < outs.size(); i++) {
            long out = outs.get(i);
            weights.add(created.uniform("layer" + i + ".weight", new Shape(out, fanIn), fanIn));
            biases.add(created.uniform("layer" + i + ".bias", new Shape(out), fanIn));
            fanIn = out;
        }
        this.parameters = created.list();
    }

    @Override
    public NDArray predict(NDArray xt, NDArray t, StepContext context) {
        long batch = xt.getShape().get(0);
        NDArray embedded = Tables.at(embeddings, t, 1);
        if (embedded.getShape().get(0) != batch) {
            embedded = embedded.broadcast(new Shape(batch, embeddingWidth));
        }
        NDArray h = xt.reshape(batch, width).concat(embedded, 1);
        int last = weights.size() - 1;
        for (int i = 0; i <= last; i++) {
            h = Linear.linear(h, Weights.read(weights.get(i), h, context), Weights.read(biases.get(i), h, context))
                    .singletonOrThrow();
            if (i < last) {
                h = h.mul(h.getNDArrayInternal().sigmoid());
            }
        }
        return h.reshape(xt.getShape());
    }

    @Override
    public ParameterList parameters() {
        return parameters;
    }
}
