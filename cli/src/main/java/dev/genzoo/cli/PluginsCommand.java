package dev.genzoo.cli;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.Option;
import dev.genzoo.runtime.plugin.LoadedPlugin;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.plugin.PluginFault;
import dev.genzoo.runtime.plugin.Registered;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genzoo plugins}: every installed plugin, component and sampler, its jar, options and defaults, and what failed to load. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every plugin found, with its jar and the api version it was built for, then every encoder,"
                    + " prior, decoder, objective and sampler with its options, then the plugins that failed to load and why.",
            "Plugins come from genzoo's own jars, the distribution's plugins/ folder, GENZOO_PLUGINS and --plugins."
        })
final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginCatalog catalog = Runtimes.catalog(spec);
        if (catalog.loaded().isEmpty()) {
            out.println("plugins: none (searched " + catalog.searched() + ")");
        } else {
            out.println("plugins (this genzoo runs plugins built for api " + ApiVersion.provided() + "):");
            for (LoadedPlugin p : catalog.loaded()) {
                String built = p.apiVersion().isEmpty() ? "bundled" : "built for api " + p.apiVersion();
                out.printf("  %-20s %-20s %s%n", p.name(), built, p.source());
            }
            out.println("searched: " + catalog.searched());
        }
        for (Role role : Role.values()) {
            list(out, role.word() + "s:", catalog.factories(role).values());
        }
        list(out, "samplers (genzoo sample --sampler NAME):", catalog.samplers().values());
        if (!catalog.faults().isEmpty()) {
            out.println();
            out.println("not loaded:");
            for (PluginFault fault : catalog.faults()) {
                out.println("  " + fault);
            }
        }
        out.flush();
        return 0;
    }

    private static void list(
            PrintWriter out,
            String heading,
            Collection<? extends Registered<? extends ComponentFactory<?>>> registered) {
        out.println();
        out.println(heading);
        for (Registered<? extends ComponentFactory<?>> r : registered) {
            out.printf("  %-20s %s%n", r.name(), r.factory().description());
            out.printf("  %-20s plugin %s (%s)%n", "", r.plugin(), r.source());
            for (Option<?> option : r.factory().options()) {
                out.printf(
                        "      %-24s %s [%s]%n",
                        option.name() + "=" + option.defaultText(), option.description(), option.accepted());
            }
        }
    }
}
