package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.eval.Estimate;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
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
                    + " and the importance-sampled bound for each K (Burda et al. 2016), else the objective's bound;"
                    + " the NLL in nats and bits per dimension. Written to RUN_DIR/eval.json too.",
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
        o.println("written: " + outcome.file());
        o.flush();
        return 0;
    }
}
