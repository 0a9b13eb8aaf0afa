package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
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
 * {@link Mlp#forward} over [K, B, in] equals tanh(x W1^T + b1) W2^T + b2 written out with matrix
 * products, in value and in the gradients of every weight and bias; with K x B = 512 rows the
 * 1024-unit output layer is wide enough to add its bias in place, with 2 rows it is not.
 */
final class MlpTest {
    private static final int UNITS = 1024;

    @ParameterizedTest
    @ValueSource(ints = {1, 256})
    void forwardIsTheWrittenOutNetwork(int batch) {
        int samples = 2;
        assertThat((long) samples * batch * UNITS >= Mlp.IN_PLACE_BIAS_FROM).isEqualTo(batch == 256);
        Engine.getInstance().setRandomSeed(6);
        try (NDManager manager = NDManager.newBaseManager()) {
            Mlp mlp = new Mlp(manager, 3, List.of(5), UNITS, "tanh");
            ParameterList parameters = mlp.parameters();
            NDArray x = manager.randomNormal(new Shape(samples, batch, 3));
            NDArray weights = manager.randomNormal(new Shape(samples, batch, UNITS));
            List<float[]> ours = run(manager, parameters, weights, store -> {
                try (NDManager scope = manager.newSubManager()) {
                    return mlp.forward(x, StepContext.training(0, 0, 1, 1, scope, store));
                }
            });
            List<float[]> written = run(manager, parameters, weights, store -> {
                NDArray[] p = new NDArray[4];
                for (int i = 0; i < 4; i++) {
                    p[i] = store.getValue(parameters.valueAt(i), x.getDevice(), true);
                }
                return x.matMul(p[0].transpose())
                        .add(p[1])
                        .tanh()
                        .matMul(p[2].transpose())
                        .add(p[3]);
            });

            assertThat(ours).hasSize(5);
            for (int i = 0; i < ours.size(); i++) {
                float[] actual = ours.get(i);
                float[] expected = written.get(i);
                assertThat(actual).hasSameSizeAs(expected);
                for (int j = 0; j < actual.length; j++) {
                    assertThat(actual[j])
                            .as("array %d element %d", i, j)
                            .isCloseTo(expected[j], within(1e-4f * (1 + Math.abs(expected[j]))));
                }
            }
        }
    }

    private interface Forward {
        NDArray apply(ParameterStore store);
    }

    /** The output, then each parameter's gradient of sum(output * weights), on fresh leaves. */
    private static List<float[]> run(NDManager manager, ParameterList parameters, NDArray weights, Forward forward) {
        Map<Parameter, NDArray> leaves = new LinkedHashMap<>();
        for (Parameter parameter : parameters.values()) {
            NDArray leaf = parameter.getArray().stopGradient();
            leaf.setRequiresGradient(true);
            leaves.put(parameter, leaf);
        }
        ParameterStore store = new ParameterStore(manager, false) {
            @Override
            public NDArray getValue(Parameter parameter, Device device, boolean training) {
                return leaves.get(parameter);
            }
        };
        List<float[]> out = new ArrayList<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray output = forward.apply(store);
            out.add(output.toFloatArray());
            collector.backward(output.mul(weights).sum());
        }
        for (NDArray leaf : leaves.values()) {
            out.add(leaf.getGradient().toFloatArray());
        }
        return out;
    }
}
