package dev.genzoo.cli;

import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.plugin.PluginFault;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.io.PrintWriter;

/** Starts the runtime over the installed plugins, warning about plugins that failed to load. */
final class Runtimes {
    private Runtimes() {}

    static GenzooRuntime start(PrintWriter err) {
        PluginCatalog catalog = PluginCatalog.fromClassPath();
        for (PluginFault fault : catalog.faults()) {
            err.println("genzoo: warning: plugin not loaded: " + fault);
        }
        err.flush();
        return GenzooRuntime.create(catalog);
    }
}
