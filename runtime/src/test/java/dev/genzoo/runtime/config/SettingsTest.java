package dev.genzoo.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The declared settings: each has a unique key and flag, help and a default its own checks accept,
 * and every one round-trips through config.yaml, so that a new declaration is written, read back
 * and resolved with no other change.
 */
final class SettingsTest {

    @Test
    void keysAndFlagsAreUniqueAndEachDefaultPassesItsOwnChecks() {
        Set<String> paths = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (Setting<?> setting : Settings.ALL) {
            assertThat(paths.add(setting.path())).as(setting.path()).isTrue();
            assertThat(flags.add(setting.flag())).as(setting.flag()).isTrue();
            assertThat(setting.help()).as(setting.path()).isNotBlank();
            assertThat(setting.check(setting.defaultValue(), "default")).isEqualTo(setting.defaultValue());
        }
        assertThat(Settings.inSection("training")).contains(Settings.EPOCHS, Settings.SEED);
        assertThat(Settings.sections()).containsExactly("data", "training", "tensorboard", "");
    }

    @Test
    void everySettingRoundTripsThroughTheConfigFile() {
        SettingValues values = SettingValues.defaults();
        Map<Setting<?>, Object> changed = Map.ofEntries(
                Map.entry(Settings.DATA, "moons"),
                Map.entry(Settings.BINARIZE, "static"),
                Map.entry(Settings.DEQUANTIZE, "uniform"),
                Map.entry(Settings.CONDITION, "label"),
                Map.entry(Settings.EPOCHS, 7),
                Map.entry(Settings.BATCH_SIZE, 33),
                Map.entry(Settings.LEARNING_RATE, 2.5e-4),
                Map.entry(Settings.ADAM_EPSILON, 1e-4),
                Map.entry(Settings.SEED, 1L << 40),
                Map.entry(Settings.IMAGE_SIZE, 32),
                Map.entry(Settings.CHANNELS, "3"),
                Map.entry(Settings.BACKGROUND, "102030"),
                Map.entry(Settings.FLIP, "horizontal"),
                Map.entry(Settings.HELD_OUT, 0.25),
                Map.entry(Settings.LABEL_COLUMN, "label"),
                Map.entry(Settings.ARRAYS, "images,classes"),
                Map.entry(Settings.CACHE, "none"),
                Map.entry(Settings.LR_SCHEDULE, "cosine"),
                Map.entry(Settings.WARMUP_STEPS, 100),
                Map.entry(Settings.LR_DECAY_EPOCHS, 30),
                Map.entry(Settings.LR_DECAY, 0.5),
                Map.entry(Settings.CLIP_NORM, 1.5),
                Map.entry(Settings.EMA, 0.999),
                Map.entry(Settings.CHECKPOINT_STEPS, 500),
                Map.entry(Settings.CHECKPOINT_MINUTES, 2.5),
                Map.entry(Settings.KEEP_BEST, "true"),
                Map.entry(Settings.TENSORBOARD, "false"),
                Map.entry(Settings.TENSORBOARD_STEPS, 10),
                Map.entry(Settings.TENSORBOARD_IMAGES, 5),
                Map.entry(Settings.DEVICE, "gpu:1"));
        assertThat(changed.keySet())
                .as("a test value for every setting")
                .containsExactlyInAnyOrderElementsOf(Settings.ALL);
        for (Map.Entry<Setting<?>, Object> e : changed.entrySet()) {
            values = values.with(e.getKey(), e.getValue(), "test");
        }
        Map<Role, String> names = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            names.put(role, "x");
        }
        ExperimentConfig config = new ExperimentConfig(names, Map.of(), values);
        ConfigDraft read = ConfigFile.parse(ConfigFile.toYaml(config), "config.yaml");
        for (Setting<?> setting : Settings.ALL) {
            assertThat((Object) read.get(setting)).as(setting.path()).isEqualTo(changed.get(setting));
        }
        assertThat(config.toDraft().settings())
                .isEqualTo(changed.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void badValuesAreRefusedNamingWhereTheyCameFrom() {
        assertThatThrownBy(() -> Settings.EPOCHS.parse("ten", "--epochs"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("--epochs must be an integer, got 'ten'");
        assertThatThrownBy(() -> Settings.EPOCHS.parse("0", "--epochs"))
                .hasMessage("--epochs must be at least 1, got 0");
        assertThatThrownBy(() -> Settings.LEARNING_RATE.parse("NaN", "--lr"))
                .hasMessage("--lr must be a finite number, got NaN");
        assertThatThrownBy(() -> Settings.BINARIZE.parse("half", "--binarize"))
                .hasMessage("--binarize must be one of auto, none, static, dynamic, got half");
        assertThatThrownBy(() -> ConfigFile.parse("training:\n  epochs: 2.5\n", "run.yaml"))
                .hasMessage("config file run.yaml: training.epochs must be an integer, got '2.5'");
        assertThatThrownBy(() -> ConfigFile.parse("training:\n  epoch: 2\n", "run.yaml"))
                .hasMessageContaining("unknown key 'training.epoch'")
                .hasMessageContaining("epochs");
    }

    @Test
    void yamlNumbersAreReadAsTheirSettingsTypes() {
        ConfigDraft draft = ConfigFile.parse("training:\n  seed: 5\n  learning-rate: 1e-3\n  epochs: 3\n", "f");
        assertThat(draft.get(Settings.SEED)).isEqualTo(5L);
        assertThat(draft.get(Settings.LEARNING_RATE)).isEqualTo(1e-3);
        assertThat(draft.get(Settings.EPOCHS)).isEqualTo(3);
    }
}
