package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.plugin.PluginFault;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Finds the installed plugins and starts the runtime over them, warning about plugins that failed
 * to load. Plugins are searched for in genzoo's own jars, then in the distribution's {@code
 * plugins/} folder, then in the folders of {@code GENZOO_PLUGINS}, then in those given with {@code
 * --plugins}; nowhere else.
 */
final class Runtimes {
    /** The environment variable that lists more plugins folders, separated by ':'. */
    static final String PLUGINS_VARIABLE = "GENZOO_PLUGINS";
    /** The system property the distribution's launcher sets to the distribution's folder. */
    static final String HOME_PROPERTY = "genzoo.home";

    private Runtimes() {}

    /** The runtime over every installed plugin; each plugin that failed to load is one warning on stderr. */
    static GenzooRuntime start(CommandSpec spec) {
        PluginCatalog catalog = catalog(spec);
        PrintWriter err = spec.commandLine().getErr();
        for (PluginFault fault : catalog.faults()) {
            err.println("genzoo: warning: plugin not loaded: " + fault);
        }
        err.flush();
        return GenzooRuntime.create(catalog);
    }

    /** Every installed plugin, and every fault met finding them. */
    static PluginCatalog catalog(CommandSpec spec) {
        return PluginCatalog.discover(folders(spec));
    }

    /** The plugins folders to search, in order: the distribution's own, GENZOO_PLUGINS's, --plugins's. */
    private static List<Path> folders(CommandSpec spec) {
        List<Path> folders = new ArrayList<>();
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.isDirectory(Path.of(home, "plugins"))) {
            folders.add(Path.of(home, "plugins"));
        }
        String listed = System.getenv(PLUGINS_VARIABLE);
        if (listed != null) {
            for (String folder : listed.split(File.pathSeparator)) {
                if (folder.isBlank()) {
                    continue;
                }
                if (!Files.isDirectory(Path.of(folder))) {
                    throw new GenzooException(
                            "plugins folder " + folder + ", listed in " + PLUGINS_VARIABLE + ", is not a folder");
                }
                folders.add(Path.of(folder));
            }
        }
        folders.addAll(((GenzooCommand) spec.root().userObject()).plugins);
        return folders;
    }
}
