package dev.genzoo.plugins.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
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
 * A small VAE built through the plugin's factories, as the runtime would build it: data of shape
 * (1, 4, 4), a 3-dimensional latent, one hidden layer of 8 units. Owns its manager.
 */
final class TinyVae implements AutoCloseable {
    static final Shape DATA = new Shape(1, 4, 4);
    static final int PIXELS = 16;
    static final int LATENT = 3;

    final NDManager manager;
    final ParameterStore store;
    final Encoder encoder;
    final Prior prior;
    final Decoder decoder;
    final GenerativeModel model;

    private TinyVae(NDManager manager, ComponentFactory<Decoder> decoderFactory, Map<String, String> decoderOptions) {
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        BuildContext context = BuildContext.of(manager, DATA);
        this.encoder = create(
                new MlpGaussianEncoder.Factory(), Map.of("latent", "3", "hidden", "8", "activation", "tanh"), context);
        context = context.withEncoder(encoder);
        this.prior = create(new StandardNormalPrior.Factory(), Map.of(), context);
        context = context.withPrior(prior);
        Map<String, String> options = new HashMap<>(Map.of("hidden", "8", "activation", "tanh"));
        options.putAll(decoderOptions);
        this.decoder = create(decoderFactory, options, context);
        this.model = new GenerativeModel(encoder, prior, decoder);
    }

    /** A VAE with an {@code mlp-bernoulli} decoder, its parameters drawn from {@code seed}. */
    static TinyVae bernoulli(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return new TinyVae(NDManager.newBaseManager(), new MlpBernoulliDecoder.Factory(), Map.of());
    }

    /** A VAE with an {@code mlp-gaussian} decoder and the given decoder options. */
    static TinyVae gaussian(int seed, Map<String, String> decoderOptions) {
        Engine.getInstance().setRandomSeed(seed);
        return new TinyVae(NDManager.newBaseManager(), new MlpGaussianDecoder.Factory(), decoderOptions);
    }

    static <T extends Component> T create(
            ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }

    /** The {@code elbo} objective with the given options. */
    Objective elbo(Map<String, String> given) {
        return create(
                new EvidenceLowerBound.Factory(),
                given,
                BuildContext.of(manager, DATA)
                        .withEncoder(encoder)
                        .withPrior(prior)
                        .withDecoder(decoder));
    }

    StepContext evaluation(NDManager scope) {
        return StepContext.evaluation(0, scope, store);
    }

    StepContext training(NDManager scope, long step, long stepsPerEpoch) {
        return StepContext.training(step, (int) (step / stepsPerEpoch), 1000, stepsPerEpoch, scope, store);
    }

    /** A fixed batch of binary images, the same for every seed. */
    static float[] binaryBatch(int batch) {
        Random random = new Random(3);
        float[] x = new float[batch * PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.3 + 0.4 * ((i / PIXELS) % 2) ? 1f : 0f;
        }
        return x;
    }

    /** A fixed batch of real-valued images in [0, 1]. */
    static float[] realBatch(int batch) {
        Random random = new Random(4);
        float[] x = new float[batch * PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }

    static NDArray images(NDManager scope, float[] values) {
        return scope.create(values, new Shape(values.length / PIXELS).addAll(DATA));
    }

    @Override
    public void close() {
        manager.close();
    }
}
