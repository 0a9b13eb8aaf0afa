package dev.genzoo.cli;

import dev.genzoo.runtime.run.GenzooRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo sample}: draws new examples from a trained run's prior and decoder. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Draws samples from a run's checkpoint into a PNG grid.")
final class SampleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(names = "-n", paramLabel = "N", defaultValue = "64", description = "How many samples (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "The PNG to write (default RUN_DIR/samples-seed<N>.png).")
    Path out;

    @Override
    public Integer call() {
        GenzooRuntime runtime = Runtimes.start(spec);
        Path target = out != null ? out : runDir.resolve("samples-seed" + seed + ".png");
        Path written = runtime.sample(runDir, count, seed, target);
        spec.commandLine().getOut().println(written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
