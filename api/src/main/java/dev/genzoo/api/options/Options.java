package dev.genzoo.api.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validated option values a factory receives: every declared option, given or default. */
public final class Options {
    private final Map<String, Object> values;
    private final Map<String, String> texts;

    private Options(Map<String, Object> values, Map<String, String> texts) {
        this.values = values;
        this.texts = Collections.unmodifiableMap(texts);
    }

    /**
     * Validates user-given texts against the declared options.
     *
     * @param owner who the options belong to, for messages: "encoder 'mlp-gaussian'"
     * @param declared the factory's options
     * @param given key to text, only declared keys
     * @return the values, defaults filled in
     * @throws OptionException for an unknown key (naming the nearest known one) or a bad value
     */
    public static Options resolve(String owner, List<Option<?>> declared, Map<String, String> given) {
        Map<String, Option<?>> byName = new LinkedHashMap<>();
        for (Option<?> option : declared) {
            if (byName.put(option.name(), option) != null) {
                throw new IllegalArgumentException(owner + " declares option " + option.name() + " twice");
            }
        }
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                String known = byName.isEmpty()
                        ? "; it takes no options"
                        : " (its options: " + String.join(", ", byName.keySet()) + ")"
                                + NearestName.suggestion(key, byName.keySet());
                throw new OptionException("unknown option '" + key + "' for " + owner + known);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Option<?> option : declared) {
            String text = given.get(option.name());
            Object value = text == null ? option.defaultValue() : option.parse(text, owner);
            values.put(option.name(), value);
            texts.put(option.name(), formatAny(option, value));
        }
        return new Options(values, texts);
    }

    /**
     * Every declared option at its default.
     *
     * @param declared the factory's options
     * @return the defaults
     */
    public static Options defaults(List<Option<?>> declared) {
        return resolve("this component", declared, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static <T> String formatAny(Option<T> option, Object value) {
        return option.format((T) value);
    }

    /**
     * The value of a declared option.
     *
     * @param option the option, as declared by the factory
     * @param <T> the value's type
     * @return the value
     * @throws IllegalArgumentException if the option was not declared
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        Object value = values.get(option.name());
        if (value == null) {
            throw new IllegalArgumentException("option " + option.name() + " was not declared");
        }
        return (T) value;
    }

    /**
     * Every value as text, in declaration order, as it would be written back to a config file.
     *
     * @return key to text
     */
    public Map<String, String> asText() {
        return texts;
    }

    /**
     * The declared option names.
     *
     * @return the names in declaration order
     */
    public List<String> names() {
        return new ArrayList<>(texts.keySet());
    }

    @Override
    public String toString() {
        return texts.toString();
    }
}
