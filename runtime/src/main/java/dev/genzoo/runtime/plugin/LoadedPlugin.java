package dev.genzoo.runtime.plugin;

/**
 * A plugin that loaded: its name, where it came from and the api version it says it was built for.
 *
 * @param name the plugin's name
 * @param source the jar it came from: a file name for genzoo's own jars, a path for a plugins folder's
 * @param apiVersion the api version it declares, "MAJOR.MINOR", or empty if it declares none
 */
public record LoadedPlugin(String name, String source, String apiVersion) {}
