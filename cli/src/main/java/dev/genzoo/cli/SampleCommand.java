package dev.genzoo.cli;

import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.RunDirectory;
import dev.genzoo.runtime.run.SampleRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo sample}: draws new examples from a trained run, with its decoder or a named sampler. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = {
            "Draws samples from a run's checkpoint into a PNG grid (a scatter plot for 2-D points).",
            "Without --sampler: the prior, then the decoder; the learned prior (prior.zip, see"
                    + " train-prior) where the run has one. --sampler NAME picks another algorithm"
                    + " (genzoo plugins lists them with their options)."
        })
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "-n",
            paramLabel = "N",
            defaultValue = "64",
            description = "How many samples (default ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed of the draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description =
                    "The PNG to write, or a .npy for the samples as NumPy [N, data...] (default RUN_DIR/samples[-<sampler>][-training-prior]-seed<N>.png, or"
                            + " -2, -3, ... after it when taken: an earlier picture is never replaced).")
    Path out;

    @Option(
            names = "--class",
            paramLabel = "C",
            description = "For a run trained with --condition label: draw class C only (default: a row per class).")
    Integer label;

    @Option(
            names = "--guidance",
            paramLabel = "W",
            description = "For a diffusion trained with --condition label: classifier-free guidance weight,"
                    + " eps = (1 + W) eps(x, y) - W eps(x, null); the same as -P guidance=W, with --sampler"
                    + " ancestral unless another is given.")
    Double guidance;

    @Option(
            names = "--training-prior",
            description = "Draw from the prior the run was trained with, even where it has a learned one.")
    boolean trainingPrior;

    @Option(
            names = "--sampler",
            paramLabel = "NAME",
            description = "A sampler, e.g. ddim or ancestral for a diffusion (default: prior and decoder).")
    String sampler;

    @Option(names = "--steps", paramLabel = "N", description = "Sampling steps: the same as -P steps=N.")
    Integer steps;

    @Option(
            names = {"-P", "--param"},
            paramLabel = "KEY=VALUE",
            description = "A sampler option, e.g. -P eta=0.5 (see 'genzoo plugins').")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--strip",
            paramLabel = "FILE",
            description = "Also write the chain's intermediate x_t as a PNG strip (one column per frame).")
    Path strip;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "10",
            description = "Frames in the strip, first and last included (default ${DEFAULT-VALUE}).")
    int frames;

    /** samples[-SAMPLER][-training-prior]-seedN: what differs from one default picture to the next. */
    private String defaultName(String chosen) {
        return "samples" + (chosen == null ? "" : "-" + chosen)
                + (guidance == null
                        ? ""
                        : "-guidance"
                                + java.math.BigDecimal.valueOf(guidance)
                                        .stripTrailingZeros()
                                        .toPlainString())
                + (trainingPrior ? "-training-prior" : "") + "-seed" + seed;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        GenzooRuntime runtime = Runtimes.start(spec);
        Map<String, String> options = new LinkedHashMap<>(params);
        if (steps != null) {
            options.put("steps", String.valueOf(steps));
        }
        String chosen = sampler;
        if (guidance != null) {
            options.put(SampleRequest.GUIDANCE, String.valueOf(guidance));
            chosen = sampler == null ? SampleRequest.GUIDED_SAMPLER : sampler;
        }
        RunDirectory run = RunDirectory.existing(runDir);
        Path target = out != null ? out : RunDirectory.nextFree(runDir, defaultName(chosen), ".png");
        AtomicFiles.checkFolder(target);
        if (strip != null) {
            AtomicFiles.checkFolder(strip);
        }
        ProgressBar progress = ProgressBar.forConsole(err);
        SampleRequest request =
                new SampleRequest(count, seed, target, chosen, options, strip, frames, progress, trainingPrior, label);
        if (!trainingPrior && run.hasLearnedPrior()) {
            err.println("genzoo: drawing from the learned prior in " + run.priorCheckpoint());
            err.flush();
        }
        Path written = runtime.sample(runDir, request);
        spec.commandLine().getOut().println(written);
        if (strip != null) {
            spec.commandLine().getOut().println(strip);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
