package dev.genzoo.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A value for every declared setting (see {@link Settings}), defaults where none was given. Immutable. */
public final class SettingValues {
    private final Map<Setting<?>, Object> values;

    private SettingValues(Map<Setting<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Every setting at its default.
     *
     * @return the values
     */
    public static SettingValues defaults() {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> values.put(s, s.defaultValue()));
        return new SettingValues(values);
    }

    /**
     * A setting's value.
     *
     * @param setting a declared setting
     * @param <T> its type
     * @return the value
     */
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting);
        if (value == null) {
            throw new IllegalArgumentException(setting + " is not a declared setting");
        }
        return setting.type().cast(value);
    }

    /**
     * These values with one changed, checked against the setting's requirements.
     *
     * @param setting a declared setting
     * @param value its new value
     * @param origin where the value came from, for a refusal's message
     * @return new values
     * @throws dev.genzoo.api.GenzooException if the value breaks a requirement
     */
    public SettingValues with(Setting<?> setting, Object value, String origin) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException(setting + " is not a declared setting");
        }
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(setting, setting.check(value, origin));
        return new SettingValues(changed);
    }

    /**
     * Every setting and its value, in declaration order.
     *
     * @return an unmodifiable view
     */
    public Map<Setting<?>, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
