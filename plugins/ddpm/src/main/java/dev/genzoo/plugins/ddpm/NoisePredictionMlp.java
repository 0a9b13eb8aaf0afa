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
 * layer to the data's width; the common toy-data denoiser of diffusion tutorials. Conditioned, the
 * condition's {@link ClassEmbedding} is added to the step's (Ho and Salimans 2022).
 */
final class NoisePredictionMlp implements NoisePredictor {
    private final long width;
    private final NDArray embeddings;
    private final MultilayerPerceptron network;
    private final ClassEmbedding classes;
    private final ParameterList parameters = new ParameterList();

    NoisePredictionMlp(NDManager manager, long width, List<Integer> hidden, int embeddingWidth, int steps) {
        this(manager, width, hidden, embeddingWidth, steps, null);
    }

    /**
     * The network, conditioned when {@code classes} is given.
     *
     * @param classes the condition's embedding, of width {@code embeddingWidth}, or null
     */
    NoisePredictionMlp(
            NDManager manager,
            long width,
            List<Integer> hidden,
            int embeddingWidth,
            int steps,
            ClassEmbedding classes) {
        this.width = width;
        this.classes = classes;
        this.embeddings = SinusoidalEmbedding.table(manager, steps, embeddingWidth);
        this.network = MultilayerPerceptron.builder(width + embeddingWidth, hidden, width)
                .activation(Nonlinearity.SILU)
                .build(manager);
        network.parameters().forEach(pair -> parameters.add(pair.getKey(), pair.getValue()));
        if (classes != null) {
            parameters.add("class.embedding", classes.table());
        }
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
        if (classes != null) {
            embedded = embedded.add(classes.embed(rows, context));
        }
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
        return parameters;
    }

    @Override
    public boolean conditioned() {
        return classes != null;
    }
}
