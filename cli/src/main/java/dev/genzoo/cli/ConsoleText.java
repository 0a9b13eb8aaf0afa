package dev.genzoo.cli;

import java.util.Locale;
import java.util.Map;

/**
 * How numbers read on the console: a count with its noun in the right number ("1 epoch", "2
 * epochs"), an integral value as an integer ("codes-used 5"), anything else with four decimals.
 */
final class ConsoleText {
    private ConsoleText() {}

    /**
     * A count and its noun: "1 epoch", "150 epochs", "1,800 steps".
     *
     * @param n the count
     * @param noun the noun in the singular; its plural adds "s"
     * @return the text
     */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /**
     * A metric's value: an integer when it is one (a count of codes, say), else four decimals.
     *
     * @param value the value
     * @return the text
     */
    static String number(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * Named values as "name value, name value", except the names given.
     *
     * @param values the values, in order
     * @param except names to leave out
     * @return the text
     */
    static String numbers(Map<String, Double> values, String... except) {
        StringBuilder line = new StringBuilder();
        values.forEach((name, value) -> {
            for (String left : except) {
                if (left.equals(name)) {
                    return;
                }
            }
            line.append(line.length() == 0 ? "" : ", ").append(name).append(' ').append(number(value));
        });
        return line.toString();
    }
}
