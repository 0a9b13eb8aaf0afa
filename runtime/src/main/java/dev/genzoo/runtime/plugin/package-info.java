/**
 * Plugin discovery with {@link java.util.ServiceLoader}: what loaded, from which jar, and what
 * failed (with the reason) while everything else keeps working.
 */
package dev.genzoo.runtime.plugin;
