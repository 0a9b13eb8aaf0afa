package dev.genzoo.runtime.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.SettingValues;
import dev.genzoo.runtime.config.Settings;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a periodic checkpoint is due: by steps, or by minutes of wall clock since the last write. */
final class PeriodicCheckpointTest {
    private static final long SECOND = 1_000_000_000L;

    private static ExperimentConfig config(int steps, double minutes) {
        Map<Role, String> names = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            names.put(role, "x");
        }
        SettingValues values = SettingValues.defaults()
                .with(Settings.CHECKPOINT_STEPS, steps, "test")
                .with(Settings.CHECKPOINT_MINUTES, minutes, "test");
        return new ExperimentConfig(names, Map.of(), values);
    }

    @Test
    void halfAMinuteIsDueThirtySecondsAfterTheStartAndAgainThirtySecondsAfterEachWrite() {
        long[] now = {100 * SECOND};
        PeriodicCheckpoint periodic = new PeriodicCheckpoint(null, config(0, 0.5), () -> now[0]);
        periodic.started();
        now[0] += 29 * SECOND;
        assertThat(periodic.due(7, false)).isFalse();
        now[0] += SECOND;
        assertThat(periodic.due(8, false)).isTrue();
        assertThat(periodic.due(8, true))
                .as("an epoch's end writes its own checkpoint")
                .isFalse();
        periodic.written();
        now[0] += 29 * SECOND;
        assertThat(periodic.due(9, false)).isFalse();
        now[0] += 2 * SECOND;
        assertThat(periodic.due(10, false)).isTrue();
    }

    @Test
    void everyNStepsIsDueOnTheMultiplesOfNAndOffWritesNothing() {
        long[] now = {0};
        PeriodicCheckpoint bySteps = new PeriodicCheckpoint(null, config(5, 0), () -> now[0]);
        bySteps.started();
        now[0] += 3600 * SECOND;
        assertThat(bySteps.due(4, false)).isFalse();
        assertThat(bySteps.due(5, false)).isTrue();
        assertThat(bySteps.due(10, false)).isTrue();
        PeriodicCheckpoint off = new PeriodicCheckpoint(null, config(0, 0), () -> now[0]);
        off.started();
        now[0] += 3600 * SECOND;
        assertThat(off.due(5, false)).isFalse();
    }
}
