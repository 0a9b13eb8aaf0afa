package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The embedding table against sin(t f_i) and cos(t f_i), f_i = 10000^(-i/h). */
final class SinusoidalEmbeddingTest {

    @Test
    void rowTIsTheSinesThenTheCosinesOfT() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] table = SinusoidalEmbedding.table(manager, 50, 8).toFloatArray();
            assertThat(table).hasSize(51 * 8);
            assertThat(SinusoidalEmbedding.table(manager, 50, 8).getShape()).isEqualTo(new Shape(51, 8));
            for (int t : new int[] {0, 1, 17, 50}) {
                for (int i = 0; i < 4; i++) {
                    double f = Math.pow(10000, -i / 4.0);
                    assertThat((double) table[t * 8 + i]).isCloseTo(Math.sin(t * f), within(1e-6));
                    assertThat((double) table[t * 8 + 4 + i]).isCloseTo(Math.cos(t * f), within(1e-6));
                }
            }
        }
    }
}
