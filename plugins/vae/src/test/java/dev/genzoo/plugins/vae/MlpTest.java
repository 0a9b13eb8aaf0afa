package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Mlp#forward}, which for a wide output adds the bias in place after the product, gives the
 * values and gradients (of input, weights and biases) of DJL's own block forward, one addmm per
 * layer; with 2 rows every layer is narrow, with 256 rows the 1024-unit output layer is wide.
 */
final class MlpTest {
    private static final int IN = 3;
    private static final int UNITS = 1024;

    @ParameterizedTest
    @ValueSource(ints = {2, 256})
    void forwardMatchesTheBlocksAddmmInValueAndGradient(int rows) {
        assertThat((long) rows * UNITS >= Mlp.IN_PLACE_BIAS_FROM).isEqualTo(rows == 256);
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Mlp mlp = new Mlp(manager, IN, List.of(5), UNITS, "tanh");
            NDArray input = manager.randomNormal(new Shape(rows, IN));
            NDArray weights = manager.randomNormal(new Shape(rows, UNITS));

            Run ours = run(manager, input, weights, mlp::forward);
            Run blocks = run(
                    manager,
                    input,
                    weights,
                    (x, context) -> mlp.block()
                            .forward(context.parameterStore(), new NDList(x), true)
                            .singletonOrThrow());

            assertClose(ours.output(), blocks.output());
            assertClose(ours.inputGradient(), blocks.inputGradient());
            assertThat(ours.parameterGradients()).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertClose(
                        ours.parameterGradients().get(i),
                        blocks.parameterGradients().get(i));
            }
        }
    }

    private interface Forward {
        NDArray apply(NDArray x, StepContext context);
    }

    private record Run(float[] output, float[] inputGradient, List<float[]> parameterGradients) {}

    /** Runs sum(forward(x) * weights) backward on fresh leaves of x and of every parameter. */
    private static Run run(NDManager manager, NDArray input, NDArray weights, Forward forward) {
        Map<Parameter, NDArray> leaves = new LinkedHashMap<>();
        ParameterStore store = new ParameterStore(manager, false) {
            @Override
            public NDArray getValue(Parameter parameter, Device device, boolean training) {
                return leaves.computeIfAbsent(parameter, p -> {
                    NDArray leaf = p.getArray().stopGradient();
                    leaf.setRequiresGradient(true);
                    return leaf;
                });
            }
        };
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input.stopGradient();
            x.setRequiresGradient(true);
            NDArray out;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                out = forward.apply(x, StepContext.training(0, 0, 1, 1, scope, store));
                collector.backward(out.mul(weights).sum());
            }
            List<float[]> gradients = new ArrayList<>();
            leaves.values().forEach(leaf -> gradients.add(leaf.getGradient().toFloatArray()));
            return new Run(out.toFloatArray(), x.getGradient().toFloatArray(), gradients);
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i])
                    .as("element %d", i)
                    .isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
        }
    }
}
