package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line options of the runtime settings, one picocli mixin made from their declarations
 * (see {@link dev.genzoo.runtime.config.Settings}): each setting's flag, value label and help with
 * its default, shared by every command that takes settings. A value is parsed and checked by its
 * setting, so the words of a refusal name the flag.
 */
final class SettingsMixin {
    /** The name the mixin is added under. */
    static final String NAME = "settings";

    private SettingsMixin() {}

    /**
     * A mixin with an option per setting.
     *
     * @param settings the settings the command takes
     * @param defaults the words for a setting's default in its help: "150", "the run's"
     * @return the mixin's spec, to add to a command with {@code addMixin(NAME, ...)}
     */
    static CommandSpec of(List<Setting<?>> settings, Function<Setting<?>, String> defaults) {
        CommandSpec mixin = CommandSpec.create();
        for (Setting<?> setting : settings) {
            String help = Character.toUpperCase(setting.help().charAt(0))
                    + setting.help().substring(1);
            mixin.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.label())
                    .type(setting.type())
                    .converters(text -> convert(setting, text))
                    .description(setting.help() + " (default: " + defaults.apply(setting) + ").")
                    .build());
        }
        return mixin;
    }

    /** A value of the wrong type is bad usage (exit 2); one that breaks a bound is refused later (exit 1). */
    private static Object convert(Setting<?> setting, String text) {
        try {
            return setting.convert(text, "the value");
        } catch (GenzooException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A setting's default as the help text shows it. */
    static String defaultValue(Setting<?> setting) {
        return setting.text(setting.defaultValue());
    }

    /**
     * The settings given on a command line, parsed and checked.
     *
     * @param command the command's spec, with the mixin added
     * @param settings the settings the mixin declares
     * @return a draft with what was given
     * @throws dev.genzoo.api.GenzooException for a value a setting refuses
     */
    static ConfigDraft given(CommandSpec command, List<Setting<?>> settings) {
        ParseResult parsed = command.commandLine().getParseResult();
        ConfigDraft draft = new ConfigDraft();
        for (Setting<?> setting : settings) {
            if (parsed.hasMatchedOption(setting.flag())) {
                set(draft, setting, parsed.matchedOptionValue(setting.flag(), null));
            }
        }
        return draft;
    }

    private static <T> void set(ConfigDraft draft, Setting<T> setting, Object value) {
        draft.set(setting, setting.check(value, setting.flag()));
    }

    /**
     * The flags given of settings that may not be.
     *
     * @param command the command's spec, with the mixin added
     * @param settings the settings the mixin declares
     * @return the flags of those given that {@code --resume} may not change
     */
    static List<String> notResumable(CommandSpec command, List<Setting<?>> settings) {
        ParseResult parsed = command.commandLine().getParseResult();
        List<String> flags = new ArrayList<>();
        for (Setting<?> setting : settings) {
            if (!setting.isResumable() && parsed.hasMatchedOption(setting.flag())) {
                flags.add(setting.flag());
            }
        }
        return flags;
    }

    /**
     * The flags of the settings {@code --resume} may change.
     *
     * @param settings the settings the mixin declares
     * @return their flags
     */
    static List<String> resumable(List<Setting<?>> settings) {
        return settings.stream().filter(Setting::isResumable).map(Setting::flag).toList();
    }
}
