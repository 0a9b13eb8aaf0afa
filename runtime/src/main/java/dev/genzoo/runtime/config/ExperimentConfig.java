package dev.genzoo.runtime.config;

import dev.genzoo.api.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fully resolved experiment: every component name, every option value (defaults included) and
 * every runtime setting (see {@link Settings}). Written to each run directory as {@code
 * config.yaml}; it is enough to re-create the run (after Tribuo's provenance). Immutable.
 */
public final class ExperimentConfig {
    private final Map<Role, String> components;
    private final Map<Role, Map<String, String>> options;
    private final SettingValues settings;

    /**
     * A resolved configuration.
     *
     * @param components a name for every role
     * @param options every option of every component, as text
     * @param settings a value for every runtime setting
     */
    public ExperimentConfig(
            Map<Role, String> components, Map<Role, Map<String, String>> options, SettingValues settings) {
        EnumMap<Role, String> names = new EnumMap<>(Role.class);
        names.putAll(components);
        EnumMap<Role, Map<String, String>> values = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            if (!names.containsKey(role)) {
                throw new IllegalArgumentException("no " + role.word() + " named");
            }
            values.put(role, Collections.unmodifiableMap(new LinkedHashMap<>(options.getOrDefault(role, Map.of()))));
        }
        this.components = Collections.unmodifiableMap(names);
        this.options = Collections.unmodifiableMap(values);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The component chosen for a role.
     *
     * @param role the role
     * @return the factory name
     */
    public String component(Role role) {
        return components.get(role);
    }

    /**
     * The option values of a role's component.
     *
     * @param role the role
     * @return key to text, in declaration order
     */
    public Map<String, String> options(Role role) {
        return options.get(role);
    }

    /**
     * A runtime setting's value.
     *
     * @param setting a declared setting
     * @param <T> its type
     * @return the value
     */
    public <T> T get(Setting<T> setting) {
        return settings.get(setting);
    }

    /**
     * Every runtime setting's value.
     *
     * @return the values
     */
    public SettingValues settings() {
        return settings;
    }

    /**
     * This configuration with one runtime setting changed.
     *
     * @param setting a declared setting
     * @param value its new value
     * @param <T> its type
     * @return a new configuration
     * @throws dev.genzoo.api.GenzooException if the value breaks the setting's requirements
     */
    public <T> ExperimentConfig with(Setting<T> setting, T value) {
        return new ExperimentConfig(components, options, settings.with(setting, value, setting.path()));
    }

    /**
     * The same settings as a draft, to be resolved again (a resumed run re-validates its config).
     *
     * @return a draft with everything set
     */
    public ConfigDraft toDraft() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.putAll(components);
        options.forEach((role, map) -> draft.roleOptions.put(role, new LinkedHashMap<>(map)));
        settings.asMap().forEach((setting, value) -> set(draft, setting, value));
        return draft;
    }

    private static <T> void set(ConfigDraft draft, Setting<T> setting, Object value) {
        draft.set(setting, setting.type().cast(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentConfig c
                && components.equals(c.components)
                && options.equals(c.options)
                && settings.equals(c.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(components, options, settings);
    }

    @Override
    public String toString() {
        return ConfigFile.toYaml(this);
    }
}
