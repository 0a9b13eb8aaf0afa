package dev.genzoo.runtime.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The held-out numbers of one epoch as evaluators add them, by name in the order added; a name
 * given twice is a defect of the callbacks and is refused.
 */
public final class HeldOutMetrics {
    private final Map<String, Double> values = new LinkedHashMap<>();

    /**
     * Adds numbers.
     *
     * @param numbers name to value
     * @throws IllegalStateException if a name is already present
     */
    public void putAll(Map<String, Double> numbers) {
        numbers.forEach((name, value) -> {
            MetricNames.check(name);
            if (values.putIfAbsent(name, value) != null) {
                throw new IllegalStateException("two evaluators report held-out '" + name + "'");
            }
        });
    }

    /**
     * The numbers so far.
     *
     * @return an unmodifiable view, in the order added
     */
    public Map<String, Double> values() {
        return Collections.unmodifiableMap(values);
    }
}
