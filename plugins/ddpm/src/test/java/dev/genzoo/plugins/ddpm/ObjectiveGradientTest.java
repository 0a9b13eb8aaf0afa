package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Autograd's gradients of both objectives against central finite differences, on pixels with 4
 * levels so that the discretized decoder is in the bound, every draw fixed by the seed, by the test
 * kit's {@link GradientCheck} (which fills freed memory between forward and backward, so a factor
 * kept over a freed Java buffer, see dev.genzoo.api.Scalars, would show as a wrong gradient).
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
                9)) {
            ObjectiveFactory factory =
                    name.equals("ddpm-vlb") ? new VariationalBound.Factory() : new SimplifiedObjective.Factory();
            Objective objective = d.objective(factory, Map.of("bound-timesteps", "4"));
            float[] pixels = {0, 1 / 3f, 2 / 3f, 1, 1, 1, 0, 1 / 3f, 2 / 3f, 0, 1, 1};

            List<Parameter> probed = new ArrayList<>();
            for (String key : List.of("layer0.weight", "layer1.weight", "layer1.bias")) {
                probed.add(d.decoder.parameters().get(key));
            }
            int checked = GradientCheck.of(scope -> {
                        NDArray x = scope.create(pixels, new Shape(3, 1, 2, 2));
                        StepContext context = training ? d.training(scope, 0) : d.evaluation(scope);
                        return objective.evaluate(x, d.model, context).loss();
                    })
                    .seed(21)
                    .step(H)
                    .tolerance(1.5e-3, 0.03)
                    .probing(probed)
                    .everyNth(3)
                    .verify(d.manager);
            assertThat(checked).isGreaterThan(10);
        }
    }
}
