package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.MultilayerPerceptron;
import dev.genzoo.nn.Nonlinearity;
import dev.genzoo.nn.Parameters;
import dev.genzoo.nn.SinusoidalEmbedding;
import java.util.List;

/**
 * An MLP eps_theta(x_t, t) for 2-D points and flattened data: the input is x_t beside the
 * sinusoidal embedding of t, then hidden layers with SiLU (Elfwing et al. 2018), then a linear
 * layer to the data's width; the common toy-data denoiser of diffusion tutorials.
 */
final class NoisePredictionMlp implements NoisePredictor {
    private final long width;
    private final NDArray embeddings;
    private final MultilayerPerceptron network;

    NoisePredictionMlp(NDManager manager, long width, List<Integer> hidden, int embeddingWidth, int steps) {
        this.width = width;
        this.embeddings = SinusoidalEmbedding.table(manager, steps, embeddingWidth);
        this.network = MultilayerPerceptron.builder(width + embeddingWidth, hidden, width)
                .activation(Nonlinearity.SILU)
                .build(manager);
    }

    /**
     * The network at x_t. With one step shared by the whole batch (a sampling chain), the first
     * layer is split as W [x; e] + b = W_x x + (W_e e + b), so that the embedding's part is computed
     * once instead of once per example.
     */
    @Override
    public NDArray predict(NDArray xt, NDArray t, StepContext context) {
        long batch = xt.getShape().get(0);
        NDArray rows = xt.reshape(batch, width);
        NDArray embedded = Tables.at(embeddings, t, 1);
        NDArray w = Parameters.value(network.layer(0).weight(), rows, context);
        NDArray b = Parameters.value(network.layer(0).bias(), rows, context);
        NDArray h;
        if (embedded.getShape().get(0) == batch) {
            h = Linear.linear(rows.concat(embedded, 1), w, b).singletonOrThrow();
        } else {
            NDArray shared = Linear.linear(embedded, w.get(new NDIndex(":, {}:", width)), b)
                    .singletonOrThrow();
            h = Linear.linear(rows, w.get(new NDIndex(":, :{}", width)))
                    .singletonOrThrow()
                    .add(shared);
        }
        return network.forwardAfterFirst(h, context).reshape(xt.getShape());
    }

    @Override
    public ParameterList parameters() {
        return network.parameters();
    }
}
