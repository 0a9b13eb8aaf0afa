package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gaussian MLP reads the first half of its outputs as the mean and the second as the log-variance. */
final class GaussianMlpTest {

    @Test
    void theOutputsHalvesAreMeanAndLogVarianceForExamplesAndForLeadingAxes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultilayerPerceptron network =
                    MultilayerPerceptron.builder(4, List.of(3), 6).build(manager);
            GaussianMlp gaussian = new GaussianMlp(network);
            StepContext context = StepContext.evaluation(0, manager, new Leaves(manager));
            NDArray images = manager.randomNormal(new Shape(5, 1, 2, 2));

            Normal q = gaussian.applyToExamples(images, context);
            float[] out = network.forward(images.reshape(5, 4), context).toFloatArray();
            float[] mean = q.loc().toFloatArray();
            float[] logVar = q.logVariance().toFloatArray();
            assertThat(q.batchShape()).isEqualTo(new Shape(5));
            assertThat(q.eventShape()).isEqualTo(new Shape(3));
            for (int b = 0; b < 5; b++) {
                for (int i = 0; i < 3; i++) {
                    assertThat(mean[3 * b + i]).isEqualTo(out[6 * b + i]);
                    assertThat(logVar[3 * b + i]).isEqualTo(out[6 * b + 3 + i]);
                }
            }

            Normal samples = gaussian.apply(images.reshape(5, 4).expandDims(0).repeat(0, 2), context);
            assertThat(samples.batchShape()).isEqualTo(new Shape(2, 5));
            assertThat(samples.loc().get(1).toFloatArray()).containsExactly(mean);
            assertThat(gaussian.parameters().keys())
                    .containsExactlyElementsOf(network.parameters().keys());
        }
    }
}
