package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.StepContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Autograd's gradients of both objectives against central finite differences, on pixels with 4
 * levels so that the discretized decoder is in the bound, every draw fixed by the seed. The
 * collector runs between forward and backward and sentinel buffers fill freed memory, so a factor
 * kept over a freed Java buffer (see dev.genzoo.api.Scalars) would show as a wrong gradient.
 */
final class ObjectiveGradientTest {
    private static final float H = 1e-2f;

    @ParameterizedTest
    @CsvSource({"ddpm-simple, true", "ddpm-vlb, true", "ddpm-vlb, false"})
    void gradientsMatchFiniteDifferences(String name, boolean training) {
        try (TinyDiffusion d = new TinyDiffusion(
                        new Shape(1, 2, 2),
                        Map.of("timesteps", "20", "levels", "4"),
                        new DenoisingDecoder.MlpFactory(),
                        Map.of("hidden", "6", "embedding", "4"),
                        9);
                NDManager scope = d.manager.newSubManager()) {
            ObjectiveFactory factory =
                    name.equals("ddpm-vlb") ? new VariationalBound.Factory() : new SimplifiedObjective.Factory();
            Objective objective = d.objective(factory, Map.of("bound-timesteps", "4"));
            NDArray x = scope.create(
                    new float[] {0, 1 / 3f, 2 / 3f, 1, 1, 1, 0, 1 / 3f, 2 / 3f, 0, 1, 1}, new Shape(3, 1, 2, 2));
            StepContext context = training ? d.training(scope, 0) : d.evaluation(scope);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Engine.getInstance().setRandomSeed(21);
                NDArray loss = objective.evaluate(x, d.model, context).loss();
                List<ByteBuffer> scribbles = scribble();
                collector.backward(loss);
                assertThat(scribbles).hasSize(64);
            }
            List<String> checked = new ArrayList<>();
            for (String key : List.of("layer0.weight", "layer1.weight", "layer1.bias")) {
                Parameter p = d.decoder.parameters().get(key);
                float[] gradient = p.getArray().getGradient().toFloatArray();
                for (int i = 0; i < gradient.length; i += 3) {
                    double numeric =
                            (loss(objective, d, x, context, p, i, H) - loss(objective, d, x, context, p, i, -H))
                                    / (2 * H);
                    assertThat((double) gradient[i])
                            .as("%s[%d]", key, i)
                            .isCloseTo(numeric, within(3e-2 * Math.max(0.05, Math.abs(numeric))));
                    checked.add(key + i);
                }
            }
            assertThat(checked).hasSizeGreaterThan(10);
        }
    }

    private static double loss(
            Objective objective, TinyDiffusion d, NDArray x, StepContext context, Parameter p, int i, float h) {
        NDArray array = p.getArray();
        float[] values = array.toFloatArray();
        float original = values[i];
        values[i] = original + h;
        array.set(values);
        Engine.getInstance().setRandomSeed(21);
        double value = objective.evaluate(x, d.model, context).loss().getFloat();
        values[i] = original;
        array.set(values);
        return value;
    }

    private static List<ByteBuffer> scribble() {
        System.gc();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4);
            buffer.putFloat(0, 12345f);
            buffers.add(buffer);
        }
        return buffers;
    }
}
