package dev.genzoo.plugins.vqvae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small VQ-VAE built through the plugin's factories, as the runtime would build it: images of
 * (1, 8, 8), one stride-2 level of 4 channels to a 4x4 grid of 3-dimensional codes, 6 codes, the
 * uniform prior, a Bernoulli decoder and the {@code vq} objective. Owns its manager.
 */
final class TinyVqVae implements AutoCloseable {
    static final Shape DATA = new Shape(1, 8, 8);
    static final int PIXELS = 64;
    static final int CODES = 6;
    static final int CODE_DIM = 3;
    static final int GRID = 4;

    final NDManager manager;
    final Shape data;
    final FreshLeaves store;
    final Encoder encoder;
    final Prior prior;
    final Decoder decoder;
    final Objective objective;
    final GenerativeModel model;

    /**
     * @param options options for every component (each takes the keys it declares)
     */
    TinyVqVae(int seed, Map<String, String> options) {
        this(seed, options, DATA);
    }

    /**
     * @param options options for every component (each takes the keys it declares)
     * @param data one example's shape
     */
    TinyVqVae(int seed, Map<String, String> options, Shape data) {
        Engine.getInstance().setRandomSeed(seed);
        manager = NDManager.newBaseManager();
        this.data = data;
        store = new FreshLeaves(manager);
        Map<String, String> given = new HashMap<>(
                Map.of("channels", "4", "codes", String.valueOf(CODES), "code-dim", String.valueOf(CODE_DIM)));
        given.putAll(options);
        BuildContext context = BuildContext.of(manager, data);
        encoder = create(new VqConvEncoder.Factory(), given, context);
        context = context.withEncoder(encoder);
        prior = create(new UniformCodePrior.Factory(), given, context);
        context = context.withPrior(prior);
        decoder = create(new ConvBernoulliDecoder.Factory(), given, context);
        context = context.withDecoder(decoder);
        objective = create(new VectorQuantizationLoss.Factory(), given, context);
        model = new GenerativeModel(encoder, prior, decoder);
        // as the runtime does: only the store's per-pass leaves take gradients
        for (Component c : new Component[] {encoder, prior, decoder, objective}) {
            c.parameters().forEach(pair -> pair.getValue().getArray().setRequiresGradient(false));
        }
    }

    /** Creates a component, each option of {@code given} that the factory declares. */
    static <T extends Component> T create(
            ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        Map<String, String> own = new HashMap<>();
        factory.options().forEach(o -> {
            if (given.containsKey(o.name())) {
                own.put(o.name(), given.get(o.name()));
            }
        });
        return factory.create(Options.resolve(factory.name(), factory.options(), own), context);
    }

    /** Another prior, built on this model's encoder. */
    Prior prior(ComponentFactory<? extends Prior> factory, Map<String, String> options) {
        Prior built = create(factory, options, BuildContext.of(manager, data).withEncoder(encoder));
        built.parameters().forEach(pair -> pair.getValue().getArray().setRequiresGradient(false));
        return built;
    }

    Parameter codebook() {
        return encoder.parameters().get(VectorQuantizer.CODEBOOK_NAME);
    }

    StepContext evaluation(NDManager scope) {
        return StepContext.evaluation(0, scope, store);
    }

    StepContext training(NDManager scope) {
        return StepContext.training(0, 0, 100, 10, scope, store);
    }

    /** A fixed batch of binary images, the same for every seed. */
    static NDArray images(NDManager scope, int batch) {
        Random random = new Random(5);
        float[] x = new float[batch * PIXELS];
        for (int i = 0; i < x.length; i++) {
            int row = (i % PIXELS) / 8;
            x[i] = random.nextDouble() < (row < 4 ? 0.2 : 0.7) ? 1f : 0f;
        }
        return scope.create(x, new Shape(batch).addAll(DATA));
    }

    @Override
    public void close() {
        manager.close();
    }
}
