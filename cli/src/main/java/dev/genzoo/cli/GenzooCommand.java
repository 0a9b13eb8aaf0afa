package dev.genzoo.cli;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.runtime.GenzooVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code genzoo}: latent-variable generative models on the JVM. */
@Command(
        name = "genzoo",
        mixinStandardHelpOptions = true,
        versionProvider = GenzooCommand.Version.class,
        description = "Latent-variable generative models (VAE, IWAE, VQ-VAE, flows, DDPM) on the JVM.",
        subcommands = {
            TrainCommand.class,
            TrainPriorCommand.class,
            SampleCommand.class,
            ReconstructCommand.class,
            EncodeCommand.class,
            InterpolateCommand.class,
            TraverseCommand.class,
            EvalCommand.class,
            SweepCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            PosteriorCommand.class,
            PluginsCommand.class,
            BenchCommand.class
        })
public final class GenzooCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and the engine's log.")
    boolean verbose;

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = {
                "Also load the plugins in this folder (repeatable): each jar, or each sub-folder of jars,"
                        + " is one plugin. GENZOO_PLUGINS may list more folders, separated by ':'."
            })
    List<Path> plugins = new ArrayList<>();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version line. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "genzoo " + GenzooVersion.get(),
                "plugin api " + ApiVersion.provided(),
                "engine: DJL 0.35.1 with PyTorch 2.7.1, Java " + System.getProperty("java.version")
            };
        }
    }
}
