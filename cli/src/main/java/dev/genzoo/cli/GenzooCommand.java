package dev.genzoo.cli;

import dev.genzoo.runtime.GenzooVersion;
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
            PluginsCommand.class,
            BenchCommand.class
        })
public final class GenzooCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show stack traces and the engine's log.")
    boolean verbose;

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
                "engine: DJL 0.35.1 with PyTorch 2.7.1, Java " + System.getProperty("java.version")
            };
        }
    }
}
