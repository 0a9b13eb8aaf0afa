package dev.genzoo.runtime.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.SettingValues;
import dev.genzoo.runtime.config.Settings;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedules against their closed forms, worked by hand. */
final class LearningRateScheduleTest {

    private static LearningRateSchedule schedule(String name, int warmup) {
        Map<Role, String> names = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            names.put(role, "x");
        }
        SettingValues values = SettingValues.defaults()
                .with(Settings.LEARNING_RATE, 0.01, "test")
                .with(Settings.LR_SCHEDULE, name, "test")
                .with(Settings.WARMUP_STEPS, warmup, "test")
                .with(Settings.LR_DECAY_EPOCHS, 2, "test")
                .with(Settings.LR_DECAY, 0.5, "test");
        return new LearningRateSchedule(new ExperimentConfig(names, Map.of(), values));
    }

    @Test
    void constantIsTheBaseRateAtEveryStep() {
        LearningRateSchedule constant = schedule("constant", 0);
        for (long step : new long[] {0, 1, 99, 5000}) {
            assertThat(constant.rate(step, 10, 100)).isEqualTo(0.01);
        }
    }

    @Test
    void warmUpRisesLinearlyFromRateOverWToTheRate() {
        LearningRateSchedule warm = schedule("constant", 4);
        assertThat(warm.rate(0, 10, 100)).isCloseTo(0.0025, within(1e-15));
        assertThat(warm.rate(1, 10, 100)).isCloseTo(0.005, within(1e-15));
        assertThat(warm.rate(3, 10, 100)).isCloseTo(0.01, within(1e-15));
        assertThat(warm.rate(4, 10, 100)).isEqualTo(0.01);
    }

    @Test
    void cosineIsHalfWayAtTheMiddleAndNearZeroAtTheEnd() {
        LearningRateSchedule cosine = schedule("cosine", 0);
        assertThat(cosine.rate(0, 10, 100)).isCloseTo(0.01, within(1e-15));
        assertThat(cosine.rate(50, 10, 100)).isCloseTo(0.005, within(1e-15));
        // cos(pi/4) = sqrt(2)/2: 0.01 * (1 + 0.70711) / 2
        assertThat(cosine.rate(25, 10, 100)).isCloseTo(0.0085355339, within(1e-10));
        assertThat(cosine.rate(99, 10, 100)).isCloseTo(0.01 * 0.5 * (1 + Math.cos(Math.PI * 0.99)), within(1e-15));
        // after a warm-up of 20, the cosine spans the 80 steps left: half-way at step 60
        assertThat(schedule("cosine", 20).rate(60, 10, 100)).isCloseTo(0.005, within(1e-15));
    }

    @Test
    void stepHalvesTheRateEveryTwoEpochs() {
        LearningRateSchedule step = schedule("step", 0);
        assertThat(step.rate(19, 10, 100)).isEqualTo(0.01);
        assertThat(step.rate(20, 10, 100)).isCloseTo(0.005, within(1e-15));
        assertThat(step.rate(45, 10, 100)).isCloseTo(0.0025, within(1e-15));
    }
}
