package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.PriorOutcome;
import dev.genzoo.runtime.run.TrainingOutcome;
import dev.genzoo.runtime.train.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo train-prior}: fits a learned prior to the codes of a trained run. */
@Command(
        name = "train-prior",
        mixinStandardHelpOptions = true,
        description = {
            "Fits a learned prior, by maximum likelihood, to the codes the trained encoder of RUN_DIR gives"
                    + " its training split (encoder and decoder frozen), and stores it in RUN_DIR/prior.zip;"
                    + " 'genzoo sample RUN_DIR' then draws from it.",
            "Training settings not given are the run's own."
        })
final class TrainPriorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A trained run directory.")
    Path runDir;

    @Option(
            names = "--prior",
            paramLabel = "NAME",
            description = "The prior to fit, e.g. transformer-codes (see 'genzoo plugins'); required unless --resume.")
    String prior;

    @Option(
            names = {"-P", "--param"},
            paramLabel = "KEY=VALUE",
            description = "An option of the prior, e.g. -P layers=4.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training split (default: the run's).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step (default: the run's).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: the run's).")
    Double learningRate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random number (default: the run's).")
    Long seed;

    @Option(
            names = "--resume",
            description = "Continue fitting the prior of RUN_DIR/prior.zip (only --epochs may be given with it).")
    boolean resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenzooRuntime runtime = Runtimes.start(spec);
        ProgressBar progress = ProgressBar.forConsole(err);
        PriorOutcome outcome;
        if (resume) {
            if (prior != null || !params.isEmpty() || batchSize != null || learningRate != null || seed != null) {
                throw new GenzooException(
                        "--resume continues the prior of prior.zip with its saved settings; only --epochs may be given with it");
            }
            err.println("genzoo: resuming the prior of " + runDir);
            err.flush();
            outcome = runtime.resumePrior(runDir, epochs, progress);
        } else {
            if (prior == null) {
                throw new GenzooException("name the prior to fit with --prior NAME (genzoo plugins lists the priors)");
            }
            ConfigDraft request = new ConfigDraft();
            request.components.put(Role.PRIOR, prior);
            request.options.putAll(params);
            request.epochs = epochs;
            request.batchSize = batchSize;
            request.learningRate = learningRate;
            request.seed = seed;
            err.printf("genzoo: fitting prior %s to the codes of %s%n", prior, runDir);
            err.flush();
            outcome = runtime.trainPrior(runDir, request, progress);
        }
        report(out, outcome);
        return 0;
    }

    private static void report(PrintWriter out, PriorOutcome outcome) {
        TrainingOutcome fit = outcome.fit();
        out.printf(
                "prior: %s in %s%n",
                fit.config().component(Role.PRIOR), fit.runDirectory().resolve("prior.zip"));
        out.printf("parameters: %,d%n", fit.parameters());
        if (fit.last() != null) {
            out.printf(
                    Locale.ROOT,
                    "epochs: %d, steps: %d, %.1f s%n",
                    fit.last().epoch(),
                    fit.last().step(),
                    fit.last().seconds());
            out.printf(
                    Locale.ROOT,
                    "negative log-likelihood of the codes: train %.4f, test %.4f nats per example%n",
                    fit.last().train().get("loss"),
                    fit.last().test().get("loss"));
        }
        StringBuilder line = new StringBuilder();
        outcome.model().forEach((k, v) -> {
            if (!k.equals(Evaluation.BOUND)) {
                line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", k, v));
            }
        });
        out.println("the model on the test split with this prior: " + line);
        Double bound = outcome.model().get(Evaluation.BOUND);
        if (bound != null) {
            out.printf(Locale.ROOT, "test bound on log p(x) with this prior: %.4f nats per example%n", bound);
        }
        out.flush();
    }
}
