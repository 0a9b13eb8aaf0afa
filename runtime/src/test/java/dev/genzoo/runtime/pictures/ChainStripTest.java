package dev.genzoo.runtime.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A strip keeps evenly spaced states, first and last included, reads only those, and passes every step on. */
final class ChainStripTest {

    @Test
    void keepsEvenlySpacedFramesOfTheFirstExamples() {
        List<Integer> passedOn = new ArrayList<>();
        int[] reads = {0};
        ChainStrip strip = new ChainStrip(5, 2, (done, total, state) -> passedOn.add(done));
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int done = 0; done <= 40; done++) {
                NDArray x = manager.full(new Shape(3, 2), (float) done);
                strip.stepped(done, 40, () -> {
                    reads[0]++;
                    return x;
                });
            }
        }
        assertThat(passedOn).hasSize(41);
        assertThat(reads[0]).isEqualTo(5);
        assertThat(strip.examples()).isEqualTo(2);
        assertThat(strip.frames()).extracting(f -> f[0]).containsExactly(0f, 10f, 20f, 30f, 40f);
        assertThat(strip.frames()).allSatisfy(f -> assertThat(f).hasSize(4));
    }
}
