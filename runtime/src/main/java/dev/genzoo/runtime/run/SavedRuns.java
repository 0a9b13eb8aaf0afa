package dev.genzoo.runtime.run;

import ai.djl.engine.Engine;
import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.controls.WeightAverage;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.wiring.ConfigResolver;
import dev.genzoo.runtime.wiring.ModelAssembler;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Opening what a run saved: its config, re-validated against today's plugins, and its model
 * restored from a checkpoint with its data, for sampling, reconstructing and scoring.
 */
final class SavedRuns {
    private final ConfigResolver resolver;
    private final ModelAssembler assembler;
    private final DataLibrary library;

    @Inject
    SavedRuns(ConfigResolver resolver, ModelAssembler assembler, DataLibrary library) {
        this.library = library;
        this.resolver = resolver;
        this.assembler = assembler;
    }

    /** What a restored checkpoint is used for. */
    interface Use<T> {
        T apply(AssembledModel model, DeviceData data, SavedState state, ExperimentConfig config);
    }

    /** The config a checkpoint was written with, resolved again. */
    ExperimentConfig config(SavedState saved, Path checkpoint) {
        return resolver.resolve(ConfigFile.parse(saved.configYaml(), checkpoint + "!config.yaml"));
    }

    /** The config a run wrote to its config.yaml, resolved again. */
    ExperimentConfig config(Path configYaml) {
        return resolver.resolve(ConfigFile.read(configYaml));
    }

    /**
     * Restores a checkpoint's model, with the moving average of its weights where the run kept one
     * ({@code --ema}), seeds the engine, and uses the model with its data.
     */
    <T> T use(Path checkpoint, long seed, Use<T> use) {
        SavedState saved = Checkpoint.read(checkpoint);
        ExperimentConfig config = config(saved, checkpoint);
        try (OpenedModel opened = OpenedModel.open(assembler, library, config)) {
            Checkpoint.restore(checkpoint, opened.model(), null, List.of());
            Checkpoint.restoreParametersFromCallback(checkpoint, opened.model(), WeightAverage.STATE);
            Engine.getInstance().setRandomSeed((int) seed);
            return use.apply(opened.model(), opened.data(), saved, config);
        }
    }

    /**
     * The config with the resumable settings given (a new total of epochs, the checkpoints' period,
     * ...), refused if one given is not resumable or the checkpoint has already trained the epochs.
     */
    static ExperimentConfig withResumable(ExperimentConfig config, ConfigDraft given, SavedState saved, Path runDir) {
        config = withResumable(config, given);
        if (saved.epoch() >= config.get(Settings.EPOCHS)) {
            throw new GenzooException(String.format(
                    "run %s has already trained %d of %d epochs; ask for more than %d epochs to train on",
                    runDir, saved.epoch(), config.get(Settings.EPOCHS), saved.epoch()));
        }
        return config;
    }

    /** The config with the resumable settings given, refused if one given is not resumable. */
    static ExperimentConfig withResumable(ExperimentConfig config, ConfigDraft given) {
        for (Map.Entry<Setting<?>, Object> entry : given.settings().entrySet()) {
            Setting<?> setting = entry.getKey();
            if (!setting.isResumable()) {
                throw new GenzooException("a resumed run keeps its " + setting.path() + "; only "
                        + Settings.ALL.stream()
                                .filter(Setting::isResumable)
                                .map(Setting::path)
                                .collect(Collectors.joining(", "))
                        + " may change");
            }
            config = with(config, setting, entry.getValue());
        }
        return config;
    }

    private static <T> ExperimentConfig with(ExperimentConfig config, Setting<T> setting, Object value) {
        return config.with(setting, setting.type().cast(value));
    }
}
