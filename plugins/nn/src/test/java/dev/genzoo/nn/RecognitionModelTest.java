package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recognition model reads each example flattened and hands the network's outputs to its posterior. */
final class RecognitionModelTest {

    @Test
    void theNetworkReadsFlattenedExamplesAndItsOutputsMakeThePosterior() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultilayerPerceptron network =
                    MultilayerPerceptron.builder(4, List.of(3), 4).build(manager);
            RecognitionModel encoder = new RecognitionModel(network, 2) {
                @Override
                protected Distribution posterior(NDArray outputs, StepContext context) {
                    return GaussianMlp.meanAndLogVariance(outputs);
                }
            };
            assertThat(encoder.kind()).isEqualTo(EncoderKind.DENSITY);
            assertThat(encoder.latentShape()).isEqualTo(new Shape(2));
            assertThat(encoder.parameters().keys())
                    .containsExactlyElementsOf(network.parameters().keys());

            StepContext context = StepContext.evaluation(0, manager, new Leaves(manager));
            NDArray images = manager.randomNormal(new Shape(3, 1, 2, 2));
            Normal q = (Normal) ((Encoding.Density) encoder.encode(images, context)).posterior();
            float[] out = network.forward(images.reshape(3, 4), context).toFloatArray();
            float[] mean = q.loc().toFloatArray();
            float[] logVar = q.logVariance().toFloatArray();
            for (int b = 0; b < 3; b++) {
                for (int i = 0; i < 2; i++) {
                    assertThat(mean[2 * b + i]).isEqualTo(out[4 * b + i]);
                    assertThat(logVar[2 * b + i]).isEqualTo(out[4 * b + 2 + i]);
                }
            }
        }
    }
}
