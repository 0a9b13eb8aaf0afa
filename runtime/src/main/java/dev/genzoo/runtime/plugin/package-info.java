/**
 * Plugin discovery with {@link java.util.ServiceLoader}: genzoo's bundled plugins from its class
 * path, third-party plugins from plugins folders, each in a class loader that sees only the genzoo
 * and DJL apis, refused when built for an api genzoo cannot run; what loaded, from which jar, and what
 * failed (jar, plugin, reason) while everything else keeps working.
 */
package dev.genzoo.runtime.plugin;
