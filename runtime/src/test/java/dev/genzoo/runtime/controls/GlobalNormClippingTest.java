package dev.genzoo.runtime.controls;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clipping by global norm on gradients whose norm is known: |(3, 4, 12)| = 13. */
final class GlobalNormClippingTest {

    @Test
    void gradientsAboveTheNormAreScaledDownToItTogether() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> gradients = new LinkedHashMap<>();
            gradients.put("a", manager.create(new float[] {3, 4}));
            gradients.put("b", manager.create(new float[] {12}));
            new GlobalNormClipping(6.5).transform(gradients);
            double factor = 6.5 / (13 + 1e-6);
            assertThat(gradients.get("a").toFloatArray())
                    .containsExactly(
                            new float[] {(float) (3 * factor), (float) (4 * factor)},
                            org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(gradients.get("b").toFloatArray()[0])
                    .isCloseTo((float) (12 * factor), org.assertj.core.data.Offset.offset(1e-6f));
            float norm = (float) Math.sqrt(Math.pow(gradients.get("a").toFloatArray()[0], 2)
                    + Math.pow(gradients.get("a").toFloatArray()[1], 2)
                    + Math.pow(gradients.get("b").toFloatArray()[0], 2));
            assertThat(norm).isCloseTo(6.5f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void gradientsWithinTheNormAndAnUnsetNormLeaveThemAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> gradients = Map.of("a", manager.create(new float[] {3, 4}));
            new GlobalNormClipping(20).transform(gradients);
            assertThat(gradients.get("a").toFloatArray()).containsExactly(3, 4);
            new GlobalNormClipping(0).transform(gradients);
            assertThat(gradients.get("a").toFloatArray()).containsExactly(3, 4);
        }
    }

    @Test
    void theMovingAverageWarmsUpAsTensorFlowsDoes() {
        assertThat(WeightAverage.decayAt(0.9999, 1)).isEqualTo(2.0 / 11);
        assertThat(WeightAverage.decayAt(0.9999, 1000)).isEqualTo(1001.0 / 1010);
        assertThat(WeightAverage.decayAt(0.5, 1000)).isEqualTo(0.5);
    }
}
