package dev.genzoo.plugins.ddpm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Options;
import java.util.Map;
import java.util.function.Function;

/**
 * A diffusion built through the plugin's factories, as the runtime would build it, with the
 * N(0, I) prior written out here (the plugin ships none). Owns its manager.
 */
final class TinyDiffusion implements AutoCloseable {
    final NDManager manager;
    final ParameterStore store;
    final Shape data;
    final GaussianDiffusion encoder;
    final Prior prior;
    final Decoder decoder;
    final GenerativeModel model;

    TinyDiffusion(
            Shape data,
            Map<String, String> encoderOptions,
            ComponentFactory<Decoder> decoderFactory,
            Map<String, String> decoderOptions,
            int seed) {
        this(data, encoderOptions, context -> create(decoderFactory, decoderOptions, context), seed);
    }

    TinyDiffusion(Shape data, Map<String, String> encoderOptions, Function<BuildContext, Decoder> decoder, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        this.manager = NDManager.newBaseManager();
        this.store = new ParameterStore(manager, false);
        this.data = data;
        BuildContext context = BuildContext.of(manager, data);
        this.encoder = (GaussianDiffusion) create(new GaussianDiffusion.Factory(), encoderOptions, context);
        context = context.withEncoder(encoder);
        Shape latent = encoder.latentShape();
        this.prior = c -> new StandardNormal(c.manager(), latent);
        context = context.withPrior(prior);
        this.decoder = decoder.apply(context);
        this.model = new GenerativeModel(encoder, prior, this.decoder);
    }

    /** 2-D points, an MLP with two hidden layers of 32 units, T steps of the given schedule. */
    static TinyDiffusion points(int steps, String schedule, int seed) {
        return new TinyDiffusion(
                new Shape(2),
                Map.of("timesteps", String.valueOf(steps), "schedule", schedule),
                new DenoisingDecoder.MlpFactory(),
                Map.of("hidden", "32,32", "embedding", "8"),
                seed);
    }

    static <T extends Component> T create(
            ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }

    private BuildContext built() {
        return BuildContext.of(manager, data)
                .withEncoder(encoder)
                .withPrior(prior)
                .withDecoder(decoder);
    }

    Objective objective(ComponentFactory<Objective> factory, Map<String, String> given) {
        return create(factory, given, built());
    }

    Sampler sampler(ComponentFactory<Sampler> factory, Map<String, String> given) {
        return create(factory, given, built());
    }

    /** A sampler for a model conditioned on {@code features} features. */
    Sampler sampler(ComponentFactory<Sampler> factory, Map<String, String> given, int features) {
        return create(factory, given, built().withConditionSize(features));
    }

    StepContext evaluation(NDManager scope) {
        return StepContext.evaluation(0, scope, store);
    }

    StepContext training(NDManager scope, long step) {
        return StepContext.training(step, 0, 1_000_000, 1, scope, store);
    }

    @Override
    public void close() {
        manager.close();
    }
}
