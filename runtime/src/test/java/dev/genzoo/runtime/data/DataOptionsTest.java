package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data settings as written on the command line or in a config, read into {@link DataOptions}. */
final class DataOptionsTest {
    private static DataOptions of(Map<Setting<?>, Object> given) {
        return DataOptions.of(new DataOptions.Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Setting<T> setting) {
                return given.containsKey(setting) ? (T) given.get(setting) : setting.defaultValue();
            }
        });
    }

    @Test
    void theDefaultsFollowTheImagesHoldOutATenthAndReadXAndY() {
        Map<Setting<?>, Object> given = new HashMap<>();
        given.put(Settings.CACHE, "none");

        DataOptions options = of(given);

        assertThat(options.imageSize()).isZero();
        assertThat(options.channels()).isZero();
        assertThat(options.background()).isEqualTo(0xFFFFFF);
        assertThat(options.heldOut()).isEqualTo(0.1);
        assertThat(options.labelColumn()).isEmpty();
        assertThat(options.examplesArray()).isEqualTo("x");
        assertThat(options.labelsArray()).isEqualTo("y");
        assertThat(options.cache()).isEmpty();
    }

    @Test
    void everySettingIsReadAsWritten() {
        Map<Setting<?>, Object> given = new HashMap<>();
        given.put(Settings.IMAGE_SIZE, 32);
        given.put(Settings.CHANNELS, "1");
        given.put(Settings.BACKGROUND, "#00Ff80");
        given.put(Settings.HELD_OUT, 0.25);
        given.put(Settings.LABEL_COLUMN, "species");
        given.put(Settings.ARRAYS, "images,classes");
        given.put(Settings.CACHE, "/tmp/decoded");

        DataOptions options = of(given);

        assertThat(options.imageSize()).isEqualTo(32);
        assertThat(options.channels()).isEqualTo(1);
        assertThat(options.background()).isEqualTo(0x00FF80);
        assertThat(options.heldOut()).isEqualTo(0.25);
        assertThat(options.labelColumn()).contains("species");
        assertThat(options.examplesArray()).isEqualTo("images");
        assertThat(options.labelsArray()).isEqualTo("classes");
        assertThat(options.cache()).isEqualTo(Optional.of(Path.of("/tmp/decoded")));
    }

    @Test
    void oneArrayNameKeepsTheLabelsInY() {
        Map<Setting<?>, Object> given = new HashMap<>();
        given.put(Settings.ARRAYS, "pixels");

        DataOptions options = of(given);

        assertThat(options.examplesArray()).isEqualTo("pixels");
        assertThat(options.labelsArray()).isEqualTo("y");
    }
}
