package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Role;

/**
 * A factory as discovered: its role, the plugin that provides it and the jar it came from.
 *
 * @param role the role the factory fills
 * @param factory the factory
 * @param plugin the providing plugin's name
 * @param source the jar or folder the plugin was loaded from
 */
public record Registered(Role role, ComponentFactory<?> factory, String plugin, String source) {

    /**
     * The factory's name.
     *
     * @return the name users choose it by
     */
    public String name() {
        return factory.name();
    }
}
