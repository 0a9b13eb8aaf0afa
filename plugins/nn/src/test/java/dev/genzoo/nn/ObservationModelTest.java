package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A decoder of a network and a head: it lists the network's parameters then the head's (afresh on
 * every call), and its p(x|z) is the head's distribution at the network's outputs: Bernoulli
 * log-masses and Gaussian densities against the closed forms.
 */
final class ObservationModelTest {
    private static final Shape DATA = new Shape(1, 1, 2);

    /** A decoder whose "network" is z itself, reshaped to one example. */
    private static ObservationModel identity(OutputHead head, MultilayerPerceptron network) {
        return new ObservationModel(head, DATA, network.parameters()) {
            @Override
            protected NDArray outputs(NDArray z, StepContext context) {
                return z.reshape(
                        z.getShape().slice(0, z.getShape().dimension() - 1).addAll(DATA));
            }
        };
    }

    @Test
    void theHeadMakesTheDistributionAndAddsItsParametersAfterTheNetworks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultilayerPerceptron network =
                    MultilayerPerceptron.builder(2, List.of(), 2).build(manager);
            Options learned = Options.resolve(
                    "test",
                    List.of(GaussianHead.VARIANCE, GaussianHead.SIGMA),
                    Map.of("variance", "shared", "sigma", "2"));
            ObservationModel gaussian = identity(GaussianHead.of(learned, DATA, manager), network);
            assertThat(gaussian.parameters().keys()).containsExactly("layer0.weight", "layer0.bias", "log_variance");
            assertThat(gaussian.parameters().size()).as("asked twice").isEqualTo(3);
            ObservationModel bernoulli = identity(new BernoulliHead(DATA), network);
            assertThat(bernoulli.parameters().keys()).containsExactly("layer0.weight", "layer0.bias");

            StepContext context = StepContext.evaluation(0, manager, new Leaves(manager));
            NDArray z = manager.create(new float[] {0.5f, -1f}, new Shape(1, 2));
            NDArray x = manager.create(new float[] {1f, 0f}, new Shape(1, 1, 1, 2));
            Distribution p = bernoulli.decode(z, context);
            double expected = Math.log(1 / (1 + Math.exp(-0.5))) + Math.log(1 - 1 / (1 + Math.exp(1)));
            assertThat((double) p.logProb(x).getFloat()).isCloseTo(expected, within(1e-5));
            Distribution q = gaussian.decode(z, context);
            double gaussianExpected = -Math.log(2 * Math.PI * 4) - (0.25 + 1) / 8;
            assertThat((double) q.logProb(x).getFloat()).isCloseTo(gaussianExpected, within(1e-5));
        }
    }
}
