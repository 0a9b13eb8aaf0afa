package dev.genzoo.runtime.config;

import dev.genzoo.api.GenzooException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One runtime setting, declared once (see {@link Settings}): the section and key it has in a
 * config file, its command-line flag, its type, default, bounds and help, and whether {@code
 * --resume} may change it. The config file's keys, the command line's options, the help text and
 * the resolved {@code config.yaml} all derive from these declarations. Immutable.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
    private final String section;
    private final String name;
    private final String flag;
    private final String label;
    private final Class<T> type;
    private final T defaultValue;
    private final String help;
    private final Function<String, T> parser;
    private final String expected;
    private final List<Predicate<T>> tests;
    private final List<String> requirements;
    private final boolean resumable;

    private Setting(
            String section,
            String name,
            String flag,
            String label,
            Class<T> type,
            T defaultValue,
            String help,
            Function<String, T> parser,
            String expected,
            List<Predicate<T>> tests,
            List<String> requirements,
            boolean resumable) {
        if (!name.matches("[a-z][a-z0-9-]*") || !flag.matches("--[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a setting is a lower-case word with a --flag: " + name + ", " + flag);
        }
        this.section = section;
        this.name = name;
        this.flag = flag;
        this.label = label;
        this.type = type;
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.help = help;
        this.parser = parser;
        this.expected = expected;
        this.tests = List.copyOf(tests);
        this.requirements = List.copyOf(requirements);
        this.resumable = resumable;
    }

    /**
     * An integer setting.
     *
     * @param section the config file's section ({@code training}), or "" for a top-level key
     * @param name the key within the section
     * @param flag the command-line flag
     * @param defaultValue the default
     * @param help one line for the help text, without the default
     * @return the setting
     */
    public static Setting<Integer> integer(String section, String name, String flag, int defaultValue, String help) {
        return new Setting<>(
                section,
                name,
                flag,
                "N",
                Integer.class,
                defaultValue,
                help,
                text -> Integer.valueOf(text.trim()),
                "an integer",
                List.of(),
                List.of(),
                false);
    }

    /**
     * A whole-number setting of 64 bits (a seed).
     *
     * @param section the config file's section, or "" for a top-level key
     * @param name the key within the section
     * @param flag the command-line flag
     * @param defaultValue the default
     * @param help one line for the help text, without the default
     * @return the setting
     */
    public static Setting<Long> whole(String section, String name, String flag, long defaultValue, String help) {
        return new Setting<>(
                section,
                name,
                flag,
                "N",
                Long.class,
                defaultValue,
                help,
                text -> Long.valueOf(text.trim()),
                "an integer",
                List.of(),
                List.of(),
                false);
    }

    /**
     * A real-number setting; NaN and the infinities are refused.
     *
     * @param section the config file's section, or "" for a top-level key
     * @param name the key within the section
     * @param flag the command-line flag
     * @param label the value's placeholder in the help text
     * @param defaultValue the default
     * @param help one line for the help text, without the default
     * @return the setting
     */
    public static Setting<Double> real(
            String section, String name, String flag, String label, double defaultValue, String help) {
        return new Setting<Double>(
                        section,
                        name,
                        flag,
                        label,
                        Double.class,
                        defaultValue,
                        help,
                        text -> Double.valueOf(text.trim()),
                        "a number",
                        List.of(),
                        List.of(),
                        false)
                .check(Double::isFinite, "a finite number");
    }

    /**
     * A setting of free text (a name or a path).
     *
     * @param section the config file's section, or "" for a top-level key
     * @param name the key within the section
     * @param flag the command-line flag
     * @param label the value's placeholder in the help text
     * @param defaultValue the default
     * @param help one line for the help text, without the default
     * @return the setting
     */
    public static Setting<String> text(
            String section, String name, String flag, String label, String defaultValue, String help) {
        return new Setting<String>(
                        section,
                        name,
                        flag,
                        label,
                        String.class,
                        defaultValue,
                        help,
                        String::trim,
                        "a word",
                        List.of(),
                        List.of(),
                        false)
                .check(s -> !s.isEmpty(), "not empty");
    }

    /**
     * A setting that takes one of a few words.
     *
     * @param section the config file's section, or "" for a top-level key
     * @param name the key within the section
     * @param flag the command-line flag
     * @param defaultValue the default, one of the words
     * @param help one line for the help text, without the default
     * @param words the words it takes
     * @return the setting
     */
    public static Setting<String> choice(
            String section, String name, String flag, String defaultValue, String help, String... words) {
        List<String> choices = List.of(words);
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException(defaultValue + " is not one of " + choices);
        }
        return new Setting<String>(
                        section,
                        name,
                        flag,
                        "MODE",
                        String.class,
                        defaultValue,
                        help,
                        text -> text.trim().toLowerCase(Locale.ROOT),
                        "one of " + String.join(", ", choices),
                        List.of(),
                        List.of(),
                        false)
                .check(choices::contains, "one of " + String.join(", ", choices));
    }

    /**
     * This setting with one more requirement.
     *
     * @param test what a value must pass
     * @param requirement the requirement in words, after "must be": "at least 1"
     * @return a new setting
     */
    public Setting<T> check(Predicate<T> test, String requirement) {
        List<Predicate<T>> moreTests = new ArrayList<>(tests);
        moreTests.add(test);
        List<String> moreWords = new ArrayList<>(requirements);
        moreWords.add(requirement);
        return new Setting<>(
                section,
                name,
                flag,
                label,
                type,
                defaultValue,
                help,
                parser,
                expected,
                moreTests,
                moreWords,
                resumable);
    }

    /**
     * This setting, required to be at least a number.
     *
     * @param min the smallest value allowed
     * @return a new setting
     */
    public Setting<T> atLeast(double min) {
        return check(v -> ((Number) v).doubleValue() >= min, "at least " + format(min));
    }

    /**
     * This setting, required to be above a number.
     *
     * @param bound the value must exceed this
     * @return a new setting
     */
    public Setting<T> above(double bound) {
        return check(v -> ((Number) v).doubleValue() > bound, "greater than " + format(bound));
    }

    /**
     * This setting, which {@code --resume} may change (the number of epochs, say).
     *
     * @return a new setting
     */
    public Setting<T> resumable() {
        return new Setting<>(
                section, name, flag, label, type, defaultValue, help, parser, expected, tests, requirements, true);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Parses and checks a user's text.
     *
     * @param text the value as written
     * @param origin where it was written, for the message: {@code --epochs}, or {@code training.epochs
     *     in config file run.yaml}
     * @return the value
     * @throws GenzooException naming the origin, the text and what is expected
     */
    public T parse(String text, String origin) {
        return check(convert(text, origin), origin);
    }

    /**
     * Reads a user's text as this setting's type, without checking its requirements.
     *
     * @param text the value as written
     * @param origin where it was written, for the message
     * @return the value
     * @throws GenzooException if the text is not of the type, naming what is expected
     */
    public T convert(String text, String origin) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new GenzooException(String.format("%s must be %s, got '%s'", origin, expected, text));
        }
    }

    /**
     * Checks a value given as a value (by a YAML file, or a program).
     *
     * @param value the value
     * @param origin where it came from, for the message
     * @return the value, as this setting's type
     * @throws GenzooException if it is of another type or breaks a requirement
     */
    public T check(Object value, String origin) {
        if (value instanceof String text && type != String.class) {
            return parse(text, origin);
        }
        Object converted = value;
        if (type == Long.class && value instanceof Integer i) {
            converted = i.longValue();
        } else if (type == Double.class && value instanceof Number n) {
            converted = n.doubleValue();
        } else if (type == String.class && (value instanceof Number || value instanceof Boolean)) {
            converted = value.toString();
        }
        if (!type.isInstance(converted)) {
            throw new GenzooException(String.format("%s must be %s, got '%s'", origin, expected, value));
        }
        T typed = type.cast(converted);
        if (type == String.class) {
            typed = parser.apply((String) typed);
        }
        for (int i = 0; i < tests.size(); i++) {
            if (!tests.get(i).test(typed)) {
                throw new GenzooException(
                        String.format("%s must be %s, got %s", origin, requirements.get(i), text(typed)));
            }
        }
        return typed;
    }

    /**
     * A value as a user would write it.
     *
     * @param value a value of this setting
     * @return its text
     */
    public String text(Object value) {
        return String.valueOf(value);
    }

    /** @return the config file's section, or "" for a top-level key */
    public String section() {
        return section;
    }

    /** @return the key within its section */
    public String name() {
        return name;
    }

    /** @return the key as a path in the config file: {@code training.epochs}, or {@code device} */
    public String path() {
        return section.isEmpty() ? name : section + "." + name;
    }

    /** @return the command-line flag */
    public String flag() {
        return flag;
    }

    /** @return the value's placeholder in the help text */
    public String label() {
        return label;
    }

    /** @return the value's type */
    public Class<T> type() {
        return type;
    }

    /** @return the default */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return one line of help, without the default */
    public String help() {
        return help;
    }

    /** @return whether {@code --resume} may change it */
    public boolean isResumable() {
        return resumable;
    }

    @Override
    public String toString() {
        return path();
    }
}
