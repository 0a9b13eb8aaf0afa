package dev.genzoo.runtime.train;

import java.util.regex.Pattern;

/**
 * The names a metric may have: a lower-case word of letters, digits, {@code -} and {@code _}, so
 * that it is a column of {@code metrics.csv}, a key of JSON and a TensorBoard tag as it stands.
 */
final class MetricNames {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private MetricNames() {}

    /** Refuses a name that is not such a word. */
    static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot name a metric: a metric's name is a lower-case"
                    + " word of letters, digits, '-' and '_'");
        }
    }
}
