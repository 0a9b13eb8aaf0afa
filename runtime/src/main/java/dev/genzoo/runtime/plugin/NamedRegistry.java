package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.NearestName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The factories of one kind by name, after Lucene's {@code NamedSPILoader}: the first factory
 * registered under a name keeps it, a later one is refused with the reason, and an unknown name is
 * answered with the nearest known one and the list of all.
 *
 * @param <F> the factories' type
 */
public final class NamedRegistry<F extends ComponentFactory<?>> {
    private final String kind;
    private final Map<String, Registered<F>> byName = new LinkedHashMap<>();

    /**
     * An empty registry.
     *
     * @param kind what its factories make, for messages: {@code encoder}, {@code sampler}, ...
     */
    public NamedRegistry(String kind) {
        this.kind = kind;
    }

    /**
     * What the factories make.
     *
     * @return the kind's word
     */
    public String kind() {
        return kind;
    }

    /**
     * Registers a factory under its name, unless the name is taken.
     *
     * @param registered the factory and where it came from
     * @return empty if registered, else why not, in words
     */
    public Optional<String> register(Registered<F> registered) {
        Registered<F> first = byName.putIfAbsent(registered.name(), registered);
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "%s '%s' repeats the name of plugin '%s' (%s); not loaded",
                kind, registered.name(), first.plugin(), first.source()));
    }

    /**
     * The factory registered under a name.
     *
     * @param name the name a user gave
     * @param searched where plugins were looked for, for the message when none is installed
     * @return the registration
     * @throws GenzooException if there is none, naming the nearest and the known ones
     */
    public Registered<F> find(String name, String searched) {
        return find(byName, kind, name, searched);
    }

    /**
     * The value of a name in a map of named things, or a sentence naming the nearest.
     *
     * @param byName the things by name
     * @param kind what they are, for the message
     * @param name the name a user gave
     * @param searched where plugins were looked for, for the message when the map is empty
     * @param <T> the things' type
     * @return the thing
     * @throws GenzooException if the name is not in the map
     */
    public static <T> T find(Map<String, T> byName, String kind, String name, String searched) {
        T found = byName.get(name);
        if (found == null) {
            String hint = byName.isEmpty()
                    ? "; no " + kind + " is installed (searched " + searched + ")"
                    : NearestName.suggestion(name, byName.keySet()) + " (known: " + String.join(", ", byName.keySet())
                            + ")";
            throw new GenzooException("unknown " + kind + " '" + name + "'" + hint);
        }
        return found;
    }

    /**
     * Every registration by name, in the order registered.
     *
     * @return an unmodifiable view
     */
    public Map<String, Registered<F>> all() {
        return Collections.unmodifiableMap(byName);
    }
}
