package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The learned mixture prior: its parameters, and the gradient of log p(z) in every one of them
 * against central finite differences (log p(z) is deterministic, so the differences are exact up
 * to rounding).
 */
final class MixtureOfGaussiansPriorTest {
    private static final float STEP = 1e-2f;

    private static Prior prior(NDManager manager, Shape latent, int components) {
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.DENSITY;
            }

            @Override
            public Shape latentShape() {
                return latent;
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                throw new UnsupportedOperationException();
            }
        };
        MixtureOfGaussiansPrior.Factory factory = new MixtureOfGaussiansPrior.Factory();
        Options options = Options.resolve("prior", factory.options(), Map.of("components", String.valueOf(components)));
        return factory.create(options, BuildContext.of(manager, new Shape(4)).withEncoder(encoder));
    }

    @Test
    void logProbGradientsMatchFiniteDifferences() {
        Engine.getInstance().setRandomSeed(8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Prior prior = prior(manager, new Shape(2), 3);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray z = manager.randomNormal(new Shape(4, 2));
            try (NDManager scope = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                StepContext context = StepContext.training(0, 0, 1, 1, scope, store);
                collector.backward(prior.distribution(context).logProb(z).sum());
            }
            assertThat(prior.parameters().keys()).containsExactly("logits", "loc", "log_variance");
            for (Parameter parameter : prior.parameters().values()) {
                NDArray array = parameter.getArray();
                float[] gradient = array.getGradient().toFloatArray();
                for (int i = 0; i < gradient.length; i++) {
                    long[] index = unravel(array.getShape(), i);
                    float original = array.getFloat(index);
                    array.set(new NDIndex(index), original + STEP);
                    double up = logProb(prior, z, manager, store);
                    array.set(new NDIndex(index), original - STEP);
                    double down = logProb(prior, z, manager, store);
                    array.set(new NDIndex(index), original);
                    double difference = (up - down) / (2 * STEP);
                    assertThat((double) gradient[i])
                            .as("%s[%d]", parameter.getName(), i)
                            .isCloseTo(difference, within(2e-3 + 0.01 * Math.abs(difference)));
                }
            }
        }
    }

    @Test
    void refusesLatentGrids() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> prior(manager, new Shape(4, 7, 7), 3))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("a mixture-of-Gaussians prior is over latent vectors, and the encoder's latents have"
                            + " shape (4, 7, 7)");
        }
    }

    private static double logProb(Prior prior, NDArray z, NDManager manager, ParameterStore store) {
        try (NDManager scope = manager.newSubManager()) {
            return prior.distribution(StepContext.evaluation(0, scope, store))
                    .logProb(z)
                    .sum()
                    .getFloat();
        }
    }

    private static long[] unravel(Shape shape, long flat) {
        long[] index = new long[shape.dimension()];
        for (int axis = shape.dimension() - 1; axis >= 0; axis--) {
            index[axis] = flat % shape.get(axis);
            flat /= shape.get(axis);
        }
        return index;
    }
}
