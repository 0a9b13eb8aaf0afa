package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The KL weight's schedules against their definitions, step by step. */
final class KlAnnealingTest {
    private static final List<dev.genzoo.api.options.Option<?>> ALL =
            List.of(KlAnnealing.WARMUP, KlAnnealing.CYCLES, KlAnnealing.RISE);

    private static KlAnnealing of(Map<String, String> given) {
        return KlAnnealing.of(Options.resolve("test", ALL, given));
    }

    /** 4 cycles of 100 steps: 25 steps each, rising over the first 12.5 (Fu et al. 2019). */
    @Test
    void cyclicalAnnealingRisesOverTheFirstPartOfEachCycle() {
        KlAnnealing cycles = of(Map.of("kl-cycles", "4", "kl-cycle-rise", "0.5"));
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            double[] expected = {0, 6 / 12.5, 12 / 12.5, 1, 1, 0, 1 / 12.5, 1, 0};
            long[] steps = {0, 6, 12, 13, 24, 25, 26, 74, 75};
            for (int i = 0; i < steps.length; i++) {
                StepContext step = StepContext.training(steps[i], 0, 100, 10, manager, store);
                assertThat(cycles.weight(step)).as("step %d", steps[i]).isCloseTo(expected[i], within(1e-12));
            }
            assertThat(cycles.weight(StepContext.evaluation(6, manager, store))).isEqualTo(1);
            assertThat(cycles.on()).isTrue();
        }
    }

    @Test
    void aWarmUpRisesLinearlyOverItsEpochsAndNothingIsOne() {
        KlAnnealing warmup = of(Map.of("warmup-epochs", "2"));
        KlAnnealing none = of(Map.of());
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            assertThat(warmup.weight(StepContext.training(5, 0, 100, 10, manager, store)))
                    .isCloseTo(0.25, within(1e-12));
            assertThat(warmup.weight(StepContext.training(30, 3, 100, 10, manager, store)))
                    .isEqualTo(1);
            assertThat(none.weight(StepContext.training(5, 0, 100, 10, manager, store)))
                    .isEqualTo(1);
            assertThat(none.on()).isFalse();
        }
    }

    @Test
    void aWarmUpAndCyclesTogetherAreRefused() {
        assertThatThrownBy(() -> of(Map.of("warmup-epochs", "1", "kl-cycles", "2")))
                .isInstanceOf(GenzooException.class)
                .hasMessage("warmup-epochs and kl-cycles both schedule the KL weight; choose one");
    }
}
