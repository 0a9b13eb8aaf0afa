package dev.genzoo.api.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One declared plugin option: a name, a default, a description, how its text is parsed and what
 * values it accepts. Immutable; the checks return a new option.
 *
 * <pre>{@code
 * static final Option<Integer> LATENT = Option.integer("latent", 20, "latent dimensions").atLeast(1);
 * static final Option<List<Integer>> HIDDEN = Option.integers("hidden", List.of(400), "hidden layer widths").atLeast(1);
 * static final Option<String> ACTIVATION = Option.choice("activation", "relu", "hidden activation", "relu", "tanh");
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class Option<T> {
    private final String name;
    private final T defaultValue;
    private final String description;
    private final String expected;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<Predicate<T>> tests;
    private final List<String> requirements;
    private final List<String> choices;

    private Option(
            String name,
            T defaultValue,
            String description,
            String expected,
            Function<String, T> parser,
            Function<T, String> formatter,
            List<Predicate<T>> tests,
            List<String> requirements,
            List<String> choices) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("an option name is lower-case letters, digits and hyphens: " + name);
        }
        this.name = name;
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.description = Objects.requireNonNull(description, "description");
        this.expected = expected;
        this.parser = parser;
        this.formatter = formatter;
        this.tests = List.copyOf(tests);
        this.requirements = List.copyOf(requirements);
        this.choices = List.copyOf(choices);
    }

    private static <T> Option<T> simple(
            String name,
            T defaultValue,
            String description,
            String expected,
            Function<String, T> parser,
            Function<T, String> formatter) {
        return new Option<>(
                name, defaultValue, description, expected, parser, formatter, List.of(), List.of(), List.of());
    }

    /**
     * An integer option.
     *
     * @param name the key
     * @param defaultValue the default
     * @param description one line for {@code genzoo plugins}
     * @return the option
     */
    public static Option<Integer> integer(String name, int defaultValue, String description) {
        return simple(name, defaultValue, description, "an integer", s -> Integer.valueOf(s.trim()), String::valueOf);
    }

    /**
     * A real-valued option.
     *
     * @param name the key
     * @param defaultValue the default
     * @param description one line for {@code genzoo plugins}
     * @return the option
     */
    public static Option<Double> real(String name, double defaultValue, String description) {
        return simple(
                name,
                defaultValue,
                description,
                "a number",
                s -> {
                    double v = Double.parseDouble(s.trim());
                    if (!Double.isFinite(v)) {
                        throw new NumberFormatException(s);
                    }
                    return v;
                },
                Option::formatReal);
    }

    /**
     * A true/false option.
     *
     * @param name the key
     * @param defaultValue the default
     * @param description one line for {@code genzoo plugins}
     * @return the option
     */
    public static Option<Boolean> flag(String name, boolean defaultValue, String description) {
        return simple(
                name,
                defaultValue,
                description,
                "true or false",
                s -> {
                    String v = s.trim().toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException(s);
                    }
                    return Boolean.valueOf(v);
                },
                String::valueOf);
    }

    /**
     * One of a fixed set of words.
     *
     * @param name the key
     * @param defaultValue the default, one of the choices
     * @param description one line for {@code genzoo plugins}
     * @param choices the accepted words
     * @return the option
     */
    public static Option<String> choice(String name, String defaultValue, String description, String... choices) {
        List<String> allowed = Arrays.asList(choices);
        if (!allowed.contains(defaultValue)) {
            throw new IllegalArgumentException(defaultValue + " is not among " + allowed);
        }
        return new Option<>(
                name,
                defaultValue,
                description,
                "one of " + String.join(", ", allowed),
                s -> {
                    String v = s.trim();
                    if (!allowed.contains(v)) {
                        throw new IllegalArgumentException(NearestName.suggestion(v, allowed));
                    }
                    return v;
                },
                Function.identity(),
                List.of(),
                List.of(),
                allowed);
    }

    /**
     * A comma-separated list of integers, such as layer widths {@code 400,400}.
     *
     * @param name the key
     * @param defaultValue the default, not empty
     * @param description one line for {@code genzoo plugins}
     * @return the option
     */
    public static Option<List<Integer>> integers(String name, List<Integer> defaultValue, String description) {
        return simple(
                name,
                List.copyOf(defaultValue),
                description,
                "a comma-separated list of integers",
                s -> {
                    List<Integer> values = new ArrayList<>();
                    for (String part : s.split(",", -1)) {
                        values.add(Integer.valueOf(part.trim()));
                    }
                    return List.copyOf(values);
                },
                v -> v.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /**
     * This option with one more check on parsed values.
     *
     * @param test true for an accepted value
     * @param requirement what an accepted value is, for the message: "at least 1"
     * @return a new option
     */
    public Option<T> check(Predicate<T> test, String requirement) {
        List<Predicate<T>> t = new ArrayList<>(tests);
        List<String> r = new ArrayList<>(requirements);
        t.add(test);
        r.add(requirement);
        Option<T> checked = new Option<>(name, defaultValue, description, expected, parser, formatter, t, r, choices);
        if (!test.test(defaultValue)) {
            throw new IllegalArgumentException("the default of " + name + " is not " + requirement);
        }
        return checked;
    }

    /**
     * This numeric option (or each element of a list option) at least {@code min}.
     *
     * @param min the smallest accepted value
     * @return a new option
     */
    public Option<T> atLeast(double min) {
        return check(v -> numbers(v).stream().allMatch(n -> n >= min), ">= " + formatReal(min));
    }

    /**
     * This numeric option (or each element of a list option) at most {@code max}.
     *
     * @param max the largest accepted value
     * @return a new option
     */
    public Option<T> atMost(double max) {
        return check(v -> numbers(v).stream().allMatch(n -> n <= max), "<= " + formatReal(max));
    }

    /**
     * This numeric option strictly greater than {@code bound}.
     *
     * @param bound the excluded lower bound
     * @return a new option
     */
    public Option<T> above(double bound) {
        return check(v -> numbers(v).stream().allMatch(n -> n > bound), "> " + formatReal(bound));
    }

    private static List<Double> numbers(Object value) {
        if (value instanceof Number number) {
            return List.of(number.doubleValue());
        }
        if (value instanceof List<?> list) {
            List<Double> out = new ArrayList<>();
            for (Object element : list) {
                out.addAll(numbers(element));
            }
            return out;
        }
        throw new IllegalStateException("not a numeric option: " + value);
    }

    /**
     * Parses and checks a user's text.
     *
     * @param text the text after {@code key=}
     * @param owner who the option belongs to, for the message: "encoder 'mlp-gaussian'"
     * @return the value
     * @throws OptionException naming the option, the text and what was expected
     */
    public T parse(String text, String owner) {
        T value;
        try {
            value = parser.apply(text);
        } catch (RuntimeException e) {
            String hint = e.getMessage() != null && e.getMessage().startsWith(";") ? e.getMessage() : "";
            throw new OptionException(
                    String.format("option '%s' of %s must be %s, got '%s'%s", name, owner, expected, text, hint));
        }
        for (int i = 0; i < tests.size(); i++) {
            if (!tests.get(i).test(value)) {
                throw new OptionException(String.format(
                        "option '%s' of %s must be %s, got '%s'", name, owner, requirements.get(i), text));
            }
        }
        return value;
    }

    /**
     * The text of a value, as a user would write it.
     *
     * @param value a value of this option
     * @return its text
     */
    public String format(T value) {
        return formatter.apply(value);
    }

    /**
     * The key.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The default value.
     *
     * @return the default
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The default as text.
     *
     * @return the default's text
     */
    public String defaultText() {
        return format(defaultValue);
    }

    /**
     * One line describing the option.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * What values are accepted, for help text: "an integer, >= 1".
     *
     * @return the accepted values in words
     */
    public String accepted() {
        return requirements.isEmpty() ? expected : expected + ", " + String.join(", ", requirements);
    }

    private static String formatReal(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public String toString() {
        return name + "=" + defaultText();
    }
}
