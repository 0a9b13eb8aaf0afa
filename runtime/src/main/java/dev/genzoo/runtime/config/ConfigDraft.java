package dev.genzoo.runtime.config;

import dev.genzoo.api.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user specified, from a config file and the command line; anything unset is absent and
 * is filled with a default when the draft is resolved. Mutable; {@link #overlay} merges two.
 */
public final class ConfigDraft {
    /** Component names by role. */
    public final Map<Role, String> components = new EnumMap<>(Role.class);
    /** Options addressed to one role. */
    public final Map<Role, Map<String, String>> roleOptions = new EnumMap<>(Role.class);
    /** Options given as {@code key=value} (every role declaring the key) or {@code role.key=value}. */
    public final Map<String, String> options = new LinkedHashMap<>();

    private final Map<Setting<?>, Object> settings = new LinkedHashMap<>();

    /**
     * Sets a runtime setting.
     *
     * @param setting a declared setting (see {@link Settings})
     * @param value its value, or null to unset it
     * @param <T> its type
     * @return this draft
     */
    public <T> ConfigDraft set(Setting<T> setting, T value) {
        if (value == null) {
            settings.remove(setting);
        } else {
            settings.put(setting, value);
        }
        return this;
    }

    /**
     * A runtime setting as given.
     *
     * @param setting a declared setting
     * @param <T> its type
     * @return the value given, or null if none was
     */
    public <T> T get(Setting<T> setting) {
        return setting.type().cast(settings.get(setting));
    }

    /**
     * The runtime settings given, in the order given.
     *
     * @return an unmodifiable view
     */
    public Map<Setting<?>, Object> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /**
     * Lays another draft over this one: what {@code over} sets wins.
     *
     * @param over the draft given later (the command line over a file)
     * @return a new draft
     */
    public ConfigDraft overlay(ConfigDraft over) {
        ConfigDraft merged = new ConfigDraft();
        merged.components.putAll(components);
        merged.components.putAll(over.components);
        for (Map<Role, Map<String, String>> source : List.of(roleOptions, over.roleOptions)) {
            source.forEach((role, map) -> merged.roleOptions
                    .computeIfAbsent(role, r -> new LinkedHashMap<>())
                    .putAll(map));
        }
        merged.options.putAll(options);
        merged.options.putAll(over.options);
        merged.settings.putAll(settings);
        merged.settings.putAll(over.settings);
        return merged;
    }
}
