package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.options.Options;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Free bits: sum over blocks of max(lambda, mean KL), with no gradient for a block below lambda. */
final class FreeBitsTest {

    @Test
    void aBlockBelowTheFloorCountsLambdaAndGetsNoGradient() {
        FreeBits freeBits = FreeBits.of(Options.resolve("test", List.of(FreeBits.LAMBDA), Map.of("free-bits", "0.5")));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray low = manager.create(new float[] {0.1f, 0.3f});
            NDArray high = manager.create(new float[] {0.8f, 1.6f});
            low.setRequiresGradient(true);
            high.setRequiresGradient(true);
            Map<String, NDArray> kl = new LinkedHashMap<>();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                kl.put("z1", low.mul(1f));
                kl.put("z2", high.mul(1f));
                NDArray penalty = freeBits.penalty(kl);
                assertThat((double) penalty.getFloat()).isCloseTo(0.5 + 1.2, within(1e-6));
                collector.backward(penalty);
            }
            assertThat(low.getGradient().toFloatArray()).containsOnly(0f);
            assertThat(high.getGradient().toFloatArray()).containsOnly(0.5f);
            assertThat(freeBits.penalizes(manager.create(0.2f))).isFalse();
            assertThat(freeBits.penalizes(manager.create(0.7f))).isTrue();
        }
        FreeBits off = FreeBits.of(Options.resolve("test", List.of(), Map.of()));
        assertThat(off.on()).isFalse();
    }
}
