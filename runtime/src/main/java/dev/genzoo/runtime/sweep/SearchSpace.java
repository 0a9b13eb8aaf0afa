package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a random search draws one key's value from (Bergstra and Bengio 2012): {@code choice} of a
 * list, {@code uniform} on [a, b], {@code log-uniform} on [a, b] (uniform in log), or {@code
 * int-uniform} on the integers a..b.
 */
sealed interface SearchSpace {

    /** A value drawn with the given generator. */
    Object draw(SplittableRandom random);

    /** One of the listed values, equally likely. */
    record Choice(List<Object> values) implements SearchSpace {
        @Override
        public Object draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** Uniform on [low, high). */
    record Uniform(double low, double high) implements SearchSpace {
        @Override
        public Object draw(SplittableRandom random) {
            return low + (high - low) * random.nextDouble();
        }
    }

    /** exp of uniform on [log low, log high). */
    record LogUniform(double low, double high) implements SearchSpace {
        @Override
        public Object draw(SplittableRandom random) {
            double a = Math.log(low);
            double b = Math.log(high);
            return Math.exp(a + (b - a) * random.nextDouble());
        }
    }

    /** An integer from low to high, both included. */
    record IntUniform(long low, long high) implements SearchSpace {
        @Override
        public Object draw(SplittableRandom random) {
            return low + random.nextLong(high - low + 1);
        }
    }

    /**
     * Reads one key's space from the spec: a map with one of the four words.
     *
     * @param key the key, for messages
     * @param value the spec's value for it
     * @param file the spec, for messages
     * @return the space
     */
    static SearchSpace parse(String key, Object value, String file) {
        if (!(value instanceof java.util.Map<?, ?> map) || map.size() != 1) {
            throw new GenzooException(String.format(
                    "sweep spec %s: random.%s must be one of {choice: [...]}, {uniform: [a, b]}, {log-uniform: [a, b]},"
                            + " {int-uniform: [a, b]}",
                    file, key));
        }
        String kind = String.valueOf(map.keySet().iterator().next());
        Object arguments = map.values().iterator().next();
        if (!(arguments instanceof List<?> list) || list.isEmpty()) {
            throw new GenzooException(
                    String.format("sweep spec %s: random.%s.%s must be a list of values", file, key, kind));
        }
        if (kind.equals("choice")) {
            return new Choice(List.copyOf(list));
        }
        if (list.size() != 2 || !(list.get(0) instanceof Number a) || !(list.get(1) instanceof Number b)) {
            throw new GenzooException(
                    String.format("sweep spec %s: random.%s.%s must be two numbers [low, high]", file, key, kind));
        }
        if (!(a.doubleValue() < b.doubleValue())) {
            throw new GenzooException(String.format(
                    "sweep spec %s: random.%s.%s must have low < high, got [%s, %s]", file, key, kind, a, b));
        }
        return switch (kind) {
            case "uniform" -> new Uniform(a.doubleValue(), b.doubleValue());
            case "log-uniform" -> {
                if (a.doubleValue() <= 0) {
                    throw new GenzooException(
                            String.format("sweep spec %s: random.%s.log-uniform needs low > 0, got %s", file, key, a));
                }
                yield new LogUniform(a.doubleValue(), b.doubleValue());
            }
            case "int-uniform" -> new IntUniform(a.longValue(), b.longValue());
            default ->
                throw new GenzooException(String.format(
                        "sweep spec %s: random.%s: unknown distribution '%s' (choice, uniform, log-uniform,"
                                + " int-uniform)",
                        file, key, kind));
        };
    }
}
