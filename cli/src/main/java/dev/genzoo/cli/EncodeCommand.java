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

/** {@code genzoo encode}: the codes of a split as NumPy, with the labels where the data have them. */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the codes of a split as a NumPy .npz: z (posterior means; z_e for a VQ-VAE, with its"
                    + " code indices; z = f(x) for a flow; x_T by DDIM inversion for a diffusion) and labels"
                    + " where the data have them."
        })
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            defaultValue = "test",
            description = "test or train (default ${DEFAULT-VALUE}).")
    Split split;

    @Option(
            names = "--ddim-steps",
            paramLabel = "N",
            defaultValue = "50",
            description = "DDIM steps of a diffusion's inversion, at most its T (default ${DEFAULT-VALUE}).")
    int ddimSteps;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The .npz to write (default RUN_DIR/codes-<split>.npz, or -2, -3, ... after it when taken).")
    Path out;

    /** The splits a run has. */
    enum Split {
        test,
        train
    }

    @Override
    public Integer call() {
        GenzooRuntime runtime = Runtimes.start(spec);
        Path target = out != null ? out : RunDirectory.nextFree(runDir, "codes-" + split, ".npz");
        Path written = runtime.latentSpace().encode(runDir, split == Split.train, Math.max(1, ddimSteps), target);
        spec.commandLine().getOut().println(written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
