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

/** {@code genzoo traverse}: one row per latent dimension, walked from a test example's code. */
@Command(
        name = "traverse",
        mixinStandardHelpOptions = true,
        description = {
            "Walks latent dimensions one at a time from a test example's code and draws the decoded"
                    + " examples, one row per dimension. A file ending in .npy gets them as NumPy."
        })
final class TraverseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "--dims",
            paramLabel = "D,...",
            split = ",",
            defaultValue = "0,1",
            description = "Latent dimensions, one row each (default ${DEFAULT-VALUE}).")
    int[] dims;

    @Option(
            names = "--range",
            paramLabel = "R",
            defaultValue = "3",
            description = "Each dimension goes over [-R, R] (default ${DEFAULT-VALUE}).")
    double range;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "9",
            description = "Values per dimension (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--example",
            paramLabel = "I",
            defaultValue = "0",
            description = "The test example whose code is walked from (default ${DEFAULT-VALUE}).")
    int example;

    @Option(
            names = "--class",
            paramLabel = "C",
            description =
                    "For a run trained with --condition label: decode as class C (default: the example's own class).")
    Integer label;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The PNG or .npy to write (default RUN_DIR/traversal.png, or -2, -3, ... after it when"
                    + " taken).")
    Path out;

    @Override
    public Integer call() {
        GenzooRuntime runtime = Runtimes.start(spec);
        Path target = out != null ? out : RunDirectory.nextFree(runDir, "traversal", ".png");
        Path written = runtime.latentSpace().traverse(runDir, dims, range, steps, example, label, target);
        spec.commandLine().getOut().println(written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
