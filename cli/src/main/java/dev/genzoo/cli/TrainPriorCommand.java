package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.PriorOutcome;
import dev.genzoo.runtime.run.TrainingOutcome;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.TrainingStopped;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(
            names = "--resume",
            description =
                    "Continue fitting the prior of RUN_DIR/prior.zip with its saved settings (settings such as --epochs may be given with it).")
    boolean resume;

    /** The settings train-prior takes: the training section's, each defaulting to the run's. */
    static final List<Setting<?>> SETTINGS = Settings.inSection(Settings.EPOCHS.section());

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigDraft request = SettingsMixin.given(spec, SETTINGS);
        if (resume) {
            List<String> given = new ArrayList<>(SettingsMixin.notResumable(spec, SETTINGS));
            if (prior != null) {
                given.add("--prior");
            }
            if (!params.isEmpty()) {
                given.add("-P");
            }
            if (!given.isEmpty()) {
                throw new GenzooException("--resume continues the prior of prior.zip with its saved settings; only "
                        + String.join(", ", SettingsMixin.resumable(SETTINGS)) + " may be given with it, not "
                        + String.join(", ", given));
            }
        } else if (prior == null) {
            throw new GenzooException("name the prior to fit with --prior NAME (genzoo plugins lists the priors)");
        }
        GenzooRuntime runtime = Runtimes.start(spec);
        StopSignals.install(runtime.stopRequest());
        ProgressBar progress = ProgressBar.forConsole(err);
        PriorOutcome outcome;
        try {
            outcome = fit(runtime, request, progress, err);
        } catch (TrainingStopped stop) {
            return StopSignals.report(stop, err, "genzoo train-prior --resume " + StopSignals.quoted(runDir));
        }
        report(out, outcome, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private PriorOutcome fit(GenzooRuntime runtime, ConfigDraft request, ProgressBar progress, PrintWriter err) {
        PriorOutcome outcome;
        if (resume) {
            outcome = runtime.resumePriorWith(
                    runDir, request, TrainingBanner.line(err, "resuming the prior of " + runDir), progress);
        } else {
            request.components.put(Role.PRIOR, prior);
            request.options.putAll(params);
            outcome = runtime.trainPrior(
                    runDir,
                    request,
                    TrainingBanner.line(err, "fitting prior " + prior + " to the codes of " + runDir),
                    progress);
        }
        return outcome;
    }

    private static void report(PrintWriter out, PriorOutcome outcome, double seconds) {
        TrainingOutcome fit = outcome.fit();
        out.printf(
                "prior: %s in %s%n",
                fit.config().component(Role.PRIOR), fit.runDirectory().resolve("prior.zip"));
        out.printf("parameters: %,d%n", fit.parameters());
        if (fit.last() != null) {
            out.printf(
                    Locale.ROOT,
                    "epochs: %d, steps: %d, %.1f s in all (codes, fit and evaluation)%n",
                    fit.last().epoch(),
                    fit.last().step(),
                    seconds);
            out.printf(
                    Locale.ROOT,
                    "negative log-likelihood of the codes: train %.4f, test %.4f nats per example%n",
                    fit.last().train().get("loss"),
                    fit.last().test().get("loss"));
        }
        out.println("the model on the test split with this prior: "
                + ConsoleText.numbers(outcome.model(), Evaluation.BOUND, Evaluation.BITS_PER_DIMENSION));
        Double bound = outcome.model().get(Evaluation.BOUND);
        if (bound != null) {
            out.printf(
                    Locale.ROOT,
                    "test bound on log p(x) with this prior: %.4f nats per example, %.4f bits per dimension%n",
                    bound,
                    outcome.model().get(Evaluation.BITS_PER_DIMENSION));
        }
        out.flush();
    }
}
