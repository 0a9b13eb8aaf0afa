package dev.genzoo.runtime.plugin;

/**
 * A plugin, or one of its factories, that could not be loaded, and why.
 *
 * @param source the jar or folder it came from, or "unknown"
 * @param plugin the plugin's name or provider class, or "unknown" when no class was read
 * @param reason one sentence
 */
public record PluginFault(String source, String plugin, String reason) {
    /** The jar, the plugin where known, and the reason: {@code /opt/p/x.jar: plugin 'x': it ...}. */
    @Override
    public String toString() {
        return source + ": " + (plugin.equals("unknown") ? "" : "plugin '" + plugin + "': ") + reason;
    }
}
