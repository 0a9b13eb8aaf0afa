package dev.genzoo.runtime.plugin;

/**
 * A plugin, or one of its factories, that could not be loaded, and why.
 *
 * @param source the jar or folder it came from, or "unknown"
 * @param plugin the plugin's name or provider class
 * @param reason one sentence
 */
public record PluginFault(String source, String plugin, String reason) {
    @Override
    public String toString() {
        return plugin + " (" + source + "): " + reason;
    }
}
