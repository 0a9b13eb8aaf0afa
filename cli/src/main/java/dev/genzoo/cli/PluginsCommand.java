package dev.genzoo.cli;

import dev.genzoo.api.Role;
import dev.genzoo.api.options.Option;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.plugin.PluginFault;
import dev.genzoo.runtime.plugin.Registered;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genzoo plugins}: every installed component and sampler, its jar, options and defaults. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = "Lists every discovered encoder, prior, decoder, objective and sampler with its plugin, jar and options.")
final class PluginsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginCatalog catalog = PluginCatalog.fromClassPath();
        out.println("plugins: " + (catalog.plugins().isEmpty() ? "none (searched " + catalog.searched() + ")"
                : String.join(", ", catalog.plugins())));
        for (Role role : Role.values()) {
            list(out, role.word() + "s:", catalog.factories(role).values());
        }
        list(out, "samplers (genzoo sample --sampler NAME):", catalog.samplers().values());
        List<PluginFault> faults = new ArrayList<>(catalog.faults());
        if (!faults.isEmpty()) {
            out.println();
            out.println("not loaded:");
            faults.forEach(f -> out.println("  " + f));
        }
        out.flush();
        return 0;
    }

    private static void list(PrintWriter out, String heading, Collection<Registered> registered) {
        out.println();
        out.println(heading);
        for (Registered r : registered) {
            out.printf("  %-20s %s%n", r.name(), r.factory().description());
            out.printf("  %-20s plugin %s (%s)%n", "", r.plugin(), r.source());
            for (Option<?> option : r.factory().options()) {
                out.printf("      %-24s %s [%s]%n", option.name() + "=" + option.defaultText(),
                        option.description(), option.accepted());
            }
        }
    }
}
