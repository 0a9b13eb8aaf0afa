package dev.genzoo.runtime.plugin;

import dev.genzoo.api.GenzooPlugin;
import java.util.ServiceConfigurationError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a plugin failed to load, in one sentence a user can act on: a class missing from its jar, a
 * constructor that threw, the root cause of a chain of exceptions.
 */
final class PluginFaults {
    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

    private PluginFaults() {}

    /** The message of an error, its root cause added, a missing class explained. */
    static String reason(Throwable e) {
        if (e instanceof NoClassDefFoundError && e.getMessage() != null) {
            return "class " + e.getMessage().replace('/', '.')
                    + " is missing (a library the plugin needs is neither in its jar nor beside it)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return message;
    }

    /** The provider class a service-loading error names, or "unknown". */
    static String providerNamed(Throwable e) {
        Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "unknown";
    }

    /** Why a provider failed to load: its class is missing, its constructor threw, or the engine's words. */
    static String providerReason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        String provider = providerNamed(e);
        if (e instanceof ServiceConfigurationError && message.endsWith(" not found")) {
            return "its class " + provider + ", named in " + PluginArchive.SERVICES + ", is missing";
        }
        if (e instanceof ServiceConfigurationError
                && message.contains("could not be instantiated")
                && e.getCause() != null) {
            Throwable cause = e.getCause();
            return "its constructor threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return reason(e).replace(GenzooPlugin.class.getName() + ": ", "");
    }
}
