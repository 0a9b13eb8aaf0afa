package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mlp-mixture}: a mixture posterior per example, its draws differentiable in training only. */
final class MlpMixtureEncoderTest {

    private static Encoder encoder(NDManager manager) {
        MlpMixtureEncoder.Factory factory = new MlpMixtureEncoder.Factory();
        Options options = Options.resolve(
                "encoder",
                factory.options(),
                Map.of("hidden", "8", "latent", "3", "components", "4", "activation", "tanh"));
        return factory.create(options, BuildContext.of(manager, new Shape(1, 2, 3)));
    }

    @Test
    void givesEachExampleItsOwnMixture() {
        Engine.getInstance().setRandomSeed(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder encoder = encoder(manager);
            StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
            NDArray x = manager.randomUniform(0f, 1f, new Shape(5, 1, 2, 3));
            MixtureOfGaussians q = (MixtureOfGaussians) ((Encoding.Density) encoder.encode(x, context)).posterior();
            assertThat(q.batchShape()).isEqualTo(new Shape(5));
            assertThat(q.eventShape()).isEqualTo(new Shape(3));
            assertThat(q.components()).isEqualTo(4);
            assertThat(q.sample(new Shape(7)).getShape()).isEqualTo(new Shape(7, 5, 3));
            assertThat(q.logProb(manager.zeros(new Shape(7, 5, 3))).getShape()).isEqualTo(new Shape(7, 5));
            float[] batch = q.mean().toFloatArray();
            for (int b = 0; b < 5; b++) {
                NDArray one = x.get(new NDIndex(b + ":" + (b + 1)));
                float[] single = ((Encoding.Density) encoder.encode(one, context))
                        .posterior()
                        .mean()
                        .toFloatArray();
                for (int j = 0; j < 3; j++) {
                    assertThat(single[j]).isCloseTo(batch[b * 3 + j], within(1e-5f));
                }
            }
            // 6 inputs -> 8 hidden -> 4 * (1 + 2 * 3) outputs
            long size = 0;
            for (var p : encoder.parameters().values()) {
                size += p.getArray().size();
            }
            assertThat(size).isEqualTo(6 * 8 + 8 + 8 * 28 + 28);
        }
    }

    @Test
    void drawsCarryGradientsToTheNetworkInTraining() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder encoder = encoder(manager);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomUniform(0f, 1f, new Shape(5, 1, 2, 3));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                StepContext training = StepContext.training(0, 0, 1, 1, manager, store);
                NDArray z = ((Encoding.Density) encoder.encode(x, training))
                        .posterior()
                        .rsample(new Shape(2));
                collector.backward(z.square().sum());
            }
            for (var p : encoder.parameters().values()) {
                assertThat(p.getArray().getGradient().abs().sum().getFloat())
                        .as(p.getName())
                        .isPositive();
            }
        }
    }
}
