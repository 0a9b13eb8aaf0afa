package dev.genzoo.cli;

import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.PosteriorOutcome;
import dev.genzoo.runtime.run.PosteriorRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo posterior}: Markov chains on the posterior p(z|x) of one test example. */
@Command(
        name = "posterior",
        mixinStandardHelpOptions = true,
        description = {
            "Samples the posterior p(z|x), proportional to p(x|z) p(z), of one test example under a run's checkpoint"
                    + " with Metropolis-Hastings (a Gaussian random walk) or Hamiltonian Monte Carlo, the step size"
                    + " adapted in a warm-up; prints the acceptance rate, the effective sample size and split R-hat"
                    + " of each latent unit, and writes the samples as .npy [chains, steps, latent]. For a 2-D latent"
                    + " also a PNG: the true posterior on a grid, q(z|x)'s contours (1, 2, 3 sd) and the samples."
        })
final class PosteriorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "--example",
            paramLabel = "I",
            defaultValue = "0",
            description = "The test example, from 0 (default ${DEFAULT-VALUE}).")
    int example;

    @Option(
            names = "--sampler",
            paramLabel = "mh|hmc",
            defaultValue = "hmc",
            description = "mh: Metropolis-Hastings; hmc: Hamiltonian Monte Carlo (default ${DEFAULT-VALUE}).")
    String sampler;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Kept steps per chain (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "500",
            description = "Steps first that adapt the step size and are thrown away (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--chains",
            paramLabel = "M",
            defaultValue = "4",
            description = "Chains, started from the prior (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(
            names = "--leapfrog",
            paramLabel = "L",
            defaultValue = "10",
            description = "Leapfrog steps of each HMC transition (default ${DEFAULT-VALUE}).")
    int leapfrog;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed of the draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE.npy",
            description = "The samples' file (default RUN_DIR/posterior-I-SAMPLER.npy; the PNG goes beside it).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        GenzooRuntime runtime = Runtimes.start(spec);
        ProgressBar bar = ProgressBar.forConsole(err);
        int total = warmup + steps;
        PosteriorRequest request = new PosteriorRequest(
                example, sampler, steps, warmup, chains, leapfrog, seed, out, done -> bar.stepped(done, total, null));
        bar.stepped(0, total, null);
        PosteriorOutcome outcome = runtime.samplePosterior(runDir, request);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "test example %d, %s, %d chains x %d steps after %d of warm-up%n",
                example,
                sampler.equals(PosteriorRequest.HAMILTONIAN)
                        ? "Hamiltonian Monte Carlo (" + leapfrog + " leapfrog steps)"
                        : "Metropolis-Hastings",
                chains,
                steps,
                warmup);
        o.printf(Locale.ROOT, "acceptance rate %.3f, step size %.4g%n", outcome.acceptanceRate(), outcome.stepSize());
        o.printf("%-6s %10s %10s %10s %8s%n", "unit", "mean", "sd", "ESS", "R-hat");
        List<Double> ess = outcome.effectiveSampleSizes();
        for (int u = 0; u < ess.size(); u++) {
            o.printf(
                    Locale.ROOT,
                    "%-6d %10.4f %10.4f %10.1f %8.3f%n",
                    u,
                    outcome.mean().get(u),
                    outcome.standardDeviation().get(u),
                    ess.get(u),
                    outcome.rhats().get(u));
        }
        o.println("written: " + outcome.samples());
        if (outcome.picture() != null) {
            o.println("written: " + outcome.picture());
        }
        o.flush();
        return 0;
    }
}
