package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.eval.AisSettings;
import dev.genzoo.runtime.eval.Estimate;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.eval.PosteriorDiagnostics;
import dev.genzoo.runtime.run.EvaluationOutcome;
import dev.genzoo.runtime.run.GenzooRuntime;
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

/** {@code genzoo eval}: the test split's log-likelihood under a trained run. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Estimates the test split's log-likelihood under a run's checkpoint: for a density encoder the ELBO"
                    + " and the importance-sampled bound for each K (Burda et al. 2016), with --estimator ais also"
                    + " annealed importance sampling (Neal 2001; Wu et al. 2017), and the posterior's diagnostics;"
                    + " else the objective's bound; the NLL in nats and bits per dimension. Written to"
                    + " RUN_DIR/eval.json too.",
            "The model is scored with its learned prior (prior.zip, see train-prior) where it has one, as sample"
                    + " draws from it."
        })
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "--k",
            paramLabel = "K,K,...",
            split = ",",
            description = "Importance samples, increasing (default 1,10,100,1000,5000); only for an encoder that"
                    + " outputs a density q(z|x).")
    List<Integer> ks;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed of the draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "100",
            description =
                    "Test examples per forward pass (default ${DEFAULT-VALUE}); samples are chunked to bound memory whatever K.")
    int batch;

    @Option(
            names = "--examples",
            paramLabel = "N",
            description = "Score only the first N test examples (default: all).")
    Integer examples;

    @Option(
            names = "--training-prior",
            description = "Score with the prior the run was trained with, even where it has a learned one.")
    boolean trainingPrior;

    @Option(
            names = "--estimator",
            paramLabel = "is|ais",
            defaultValue = "is",
            description = "is: importance sampling from q(z|x); ais: that, then annealed importance sampling, which the"
                    + " NLL is read from (default ${DEFAULT-VALUE}).")
    String estimator;

    @Option(
            names = "--ais-steps",
            paramLabel = "T",
            defaultValue = "" + AisSettings.DEFAULT_STEPS,
            description = "Intermediate distributions of annealed importance sampling (default ${DEFAULT-VALUE}).")
    int aisSteps;

    @Option(
            names = "--chains",
            paramLabel = "C",
            defaultValue = "" + AisSettings.DEFAULT_CHAINS,
            description = "Annealed importance sampling's chains per example (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(
            names = "--leapfrog",
            paramLabel = "L",
            defaultValue = "" + AisSettings.DEFAULT_LEAPFROG,
            description = "Leapfrog steps of each HMC transition (default ${DEFAULT-VALUE}).")
    int leapfrog;

    @Option(
            names = "--ais-from",
            paramLabel = "prior|encoder",
            defaultValue = "prior",
            description = "Where annealing starts: the prior p(z), or the encoder's q(z|x) (default ${DEFAULT-VALUE}).")
    String aisFrom;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The JSON file to write (default RUN_DIR/eval.json, or eval-2.json, ... if taken).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (examples != null && examples < 1) {
            throw new GenzooException(
                    "--examples must be at least 1, got " + examples + "; leave it out to score every test example");
        }
        EvaluationSettings settings = new EvaluationSettings(
                ks == null ? EvaluationSettings.DEFAULT_KS : ks,
                seed,
                batch,
                examples == null ? 0 : examples,
                ks != null);
        switch (estimator) {
            case "is" -> {}
            case "ais" -> settings = settings.withAis(new AisSettings(aisSteps, chains, leapfrog, fromEncoder()));
            default -> throw new GenzooException("--estimator is is or ais, not '" + estimator + "'");
        }
        GenzooRuntime runtime = Runtimes.start(spec);
        EvaluationOutcome outcome =
                runtime.evaluate(runDir, settings, out, EvaluationProgress.forConsole(err), trainingPrior);
        EvaluationReport report = outcome.report();
        PrintWriter o = spec.commandLine().getOut();
        o.println("prior: " + outcome.prior());
        o.printf(
                Locale.ROOT,
                "test examples: %d (seed %d), %s, %.1f s%n",
                report.examples(),
                report.seed(),
                report.estimator(),
                report.seconds());
        for (Estimate e : report.estimates()) {
            o.printf(Locale.ROOT, "%-16s %12.4f nats  (standard error %.4f)%n", e.label(), e.mean(), e.standardError());
        }
        o.printf(
                Locale.ROOT,
                "NLL (%s): %.4f nats, %.5f bits/dim%n",
                report.tightest().label(),
                report.nllNats(),
                report.nllBitsPerDimension());
        report.posteriorDiagnostics().ifPresent(d -> printDiagnostics(o, d));
        o.println("written: " + outcome.file());
        if (outcome.boundPerStep() != null) {
            o.println("written: " + outcome.boundPerStep());
        }
        o.flush();
        return 0;
    }

    private boolean fromEncoder() {
        return switch (aisFrom) {
            case "prior" -> false;
            case "encoder" -> true;
            default -> throw new GenzooException("--ais-from is prior or encoder, not '" + aisFrom + "'");
        };
    }

    private static void printDiagnostics(PrintWriter o, PosteriorDiagnostics d) {
        int units =
                d.unitsPerBlock().values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder perBlock = new StringBuilder();
        if (d.activeUnits().size() > 1) {
            d.activeUnits()
                    .forEach((name, count) -> perBlock.append(perBlock.length() == 0 ? " (" : ", ")
                            .append(name)
                            .append(' ')
                            .append(count)
                            .append('/')
                            .append(d.unitsPerBlock().get(name)));
            perBlock.append(')');
        }
        o.printf(Locale.ROOT, "active units: %d of %d%s%n", d.totalActiveUnits(), units, perBlock);
        StringBuilder kl = new StringBuilder();
        d.klPerBlock()
                .forEach((name, v) ->
                        kl.append(kl.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", name, v)));
        o.println("KL per layer (nats): " + kl);
        if (Double.isFinite(d.mutualInformation())) {
            o.printf(
                    Locale.ROOT,
                    "mutual information I(x; z): %.3f nats (over %d examples, at most log %d = %.2f)%n",
                    d.mutualInformation(),
                    d.mutualInformationExamples(),
                    d.mutualInformationExamples(),
                    Math.log(d.mutualInformationExamples()));
        }
        if (Double.isFinite(d.elboIwaeGap())) {
            o.printf(Locale.ROOT, "ELBO-IWAE gap: %.4f nats%n", d.elboIwaeGap());
        }
        if (Double.isFinite(d.importanceEss())) {
            o.printf(
                    Locale.ROOT,
                    "effective sample size of the importance weights: %.1f of K = %d%n",
                    d.importanceEss(),
                    d.importanceK());
        }
    }
}
