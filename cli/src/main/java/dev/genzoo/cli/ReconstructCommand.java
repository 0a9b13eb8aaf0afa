package dev.genzoo.cli;

import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo reconstruct}: test examples beside the model's reconstructions of them. */
@Command(
        name = "reconstruct",
        mixinStandardHelpOptions = true,
        description = "Writes test examples beside their reconstructions into a PNG.")
final class ReconstructCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "-n",
            paramLabel = "N",
            defaultValue = "32",
            description = "How many test examples (default ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The PNG to write (default RUN_DIR/reconstructions-n<N>.png, or -2, -3, ... after it when"
                    + " taken).")
    Path out;

    @Override
    public Integer call() {
        GenzooRuntime runtime = Runtimes.start(spec);
        Path target = out != null ? out : RunDirectory.nextFree(runDir, "reconstructions-n" + count, ".png");
        Path written = runtime.reconstruct(runDir, count, target);
        spec.commandLine().getOut().println(written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
