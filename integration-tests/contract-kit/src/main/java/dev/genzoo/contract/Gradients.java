package dev.genzoo.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gradient of an objective's loss for each trainable parameter, copied to the host.
 *
 * @param byParameter parameter name to its gradient's values
 */
public record Gradients(Map<String, float[]> byParameter) {

    /**
     * Keeps the parameters in order.
     */
    public Gradients {
        byParameter = Collections.unmodifiableMap(new LinkedHashMap<>(byParameter));
    }

    /**
     * The largest absolute gradient entry over all parameters.
     *
     * @return max |g|, NaN if any entry is NaN
     */
    public double largestMagnitude() {
        double largest = 0;
        for (float[] values : byParameter.values()) {
            for (float v : values) {
                if (Float.isNaN(v)) {
                    return Double.NaN;
                }
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }
}
