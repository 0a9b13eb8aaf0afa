package com.example.genzoo.renyi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The laplace prior: fixed or learned scale, and the gradient of log p(z) in log b against its closed form. */
final class LaplacePriorTest {
    private static final Shape LATENT = new Shape(3);

    private static Prior create(NDManager manager, Map<String, String> options) {
        LaplacePrior.Factory factory = new LaplacePrior.Factory();
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.DENSITY;
            }

            @Override
            public Shape latentShape() {
                return LATENT;
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                throw new UnsupportedOperationException("not used");
            }
        };
        BuildContext context = BuildContext.of(manager, new Shape(2)).withEncoder(encoder);
        return factory.create(Options.resolve("prior 'laplace'", factory.options(), options), context);
    }

    @Test
    void aFixedScaleHasNoParameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Prior prior = create(manager, Map.of("scale", "0.5"));
            assertThat(prior.parameters().size()).isZero();
            StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
            double logProb = prior.distribution(context).logProb(manager.create(new float[] {1f, 0f, -1f})).getFloat();
            assertThat(logProb).isCloseTo(-2 / 0.5 - 3 * Math.log(2 * 0.5), within(1e-5));
        }
    }

    /** d/d(log b) of sum_i(-|z_i| / b - log(2b)) is |z_i| / b - 1 per dimension, summed over draws. */
    @Test
    void theLearnedLogScaleGetsTheClosedFormGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Prior prior = create(manager, Map.of("scale", "2", "learn-scale", "true"));
            assertThat(prior.parameters().keys()).containsExactly("log-scale");
            Parameter logScale = prior.parameters().get("log-scale");
            assertThat(logScale.getArray().exp().toFloatArray()).containsOnly(2f);

            float[] z = {0.5f, -3f, 1f, 4f, 0.1f, -2f};
            StepContext context = StepContext.training(0, 0, 1, 1, manager, new ParameterStore(manager, false));
            Engine.getInstance().setRandomSeed(1);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logProb = prior.distribution(context).logProb(manager.create(z, new Shape(2, 3)));
                collector.backward(logProb.sum());
            }
            float[] gradient = logScale.getArray().getGradient().toFloatArray();
            for (int i = 0; i < 3; i++) {
                double expected = (Math.abs(z[i]) + Math.abs(z[3 + i])) / 2.0 - 2;
                assertThat((double) gradient[i]).as("dimension %d", i).isCloseTo(expected, within(1e-5));
            }
        }
    }
}
