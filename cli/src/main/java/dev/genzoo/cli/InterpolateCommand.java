package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo interpolate}: the decoded path between the codes of two test examples. */
@Command(
        name = "interpolate",
        mixinStandardHelpOptions = true,
        description = {
            "Draws the path between two test examples, decoded: in z for a VAE, exactly for a flow, in z_e"
                    + " then quantized for a VQ-VAE, and for a diffusion through deterministic DDIM inversion"
                    + " to x_T and DDIM back. A file ending in .npy gets the decoded path as NumPy."
        })
final class InterpolateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "--between",
            paramLabel = "I,J",
            required = true,
            split = ",",
            description = "Two test examples by index.")
    int[] between;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "10",
            description = "Points on the path, both ends included (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--slerp", description = "Spherical interpolation (the default is linear).")
    boolean slerp;

    @Option(
            names = "--ddim-steps",
            paramLabel = "N",
            defaultValue = "50",
            description = "DDIM steps of a diffusion, at most its T (default ${DEFAULT-VALUE}).")
    int ddimSteps;

    @Option(
            names = "--class",
            paramLabel = "C",
            description =
                    "For a run trained with --condition label: decode as class C (default: the first example's class; each end is encoded with its own).")
    Integer label;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The PNG or .npy to write (default RUN_DIR/interpolation-I-J.png, or -2, -3, ... after it"
                    + " when taken).")
    Path out;

    @Override
    public Integer call() {
        if (between.length != 2) {
            throw new GenzooException("--between takes two test examples, I,J; got " + between.length);
        }
        GenzooRuntime runtime = Runtimes.start(spec);
        Path target = out != null
                ? out
                : RunDirectory.nextFree(runDir, "interpolation-" + between[0] + "-" + between[1], ".png");
        Path written = runtime.latentSpace()
                .interpolate(runDir, between[0], between[1], steps, slerp, Math.max(1, ddimSteps), label, target);
        spec.commandLine().getOut().println(written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
