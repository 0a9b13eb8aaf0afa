package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ComponentFactory;

/**
 * A factory as discovered: what it makes, the plugin that provides it and the jar it came from.
 *
 * @param kind what the factory makes, in words: a role's word ({@code encoder}, ...) or {@code sampler}
 * @param factory the factory
 * @param plugin the providing plugin's name
 * @param source the jar or folder the plugin was loaded from
 * @param <F> the factory's type
 */
public record Registered<F extends ComponentFactory<?>>(String kind, F factory, String plugin, String source) {

    /**
     * The factory's name.
     *
     * @return the name users choose it by
     */
    public String name() {
        return factory.name();
    }
}
