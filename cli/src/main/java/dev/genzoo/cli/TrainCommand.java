package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.run.RunDirectory;
import dev.genzoo.runtime.run.TrainingOutcome;
import dev.genzoo.runtime.train.Evaluation;
import dev.genzoo.runtime.train.TrainingStopped;
import dev.genzoo.runtime.wiring.Defaults;
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
import picocli.CommandLine.Spec;

/** {@code genzoo train}: trains a model and writes a run directory. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a model. With no options: a VAE on the bundled digits, in well under a minute.",
            "Options override --config; -P key=value sets an option of every chosen component that"
                    + " declares it (role.key=value sets one)."
        })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--encoder",
            paramLabel = "NAME",
            description = "Encoder q(z|x) (default " + Defaults.ENCODER + ").")
    String encoder;

    @Option(
            names = "--decoder",
            paramLabel = "NAME",
            description = "Decoder p(x|z) (default: the encoder's companion, else " + Defaults.DECODER + ").")
    String decoder;

    @Option(
            names = "--prior",
            paramLabel = "NAME",
            description = "Prior p(z) (default: the encoder's companion, else " + Defaults.PRIOR + ").")
    String prior;

    @Option(
            names = "--objective",
            paramLabel = "NAME",
            description = "Objective (default: the encoder's companion, else " + Defaults.OBJECTIVE + ").")
    String objective;

    @Option(
            names = {"-P", "--param"},
            paramLabel = "KEY=VALUE",
            description = "A component option, e.g. -P latent=10 -P decoder.hidden=200 (see 'genzoo plugins').")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config (a run's config.yaml works).")
    Path config;

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "Where the run is written (default runs/<time>-<encoder>-<objective>); must be new or empty.")
    Path runDir;

    @Option(
            names = "--resume",
            paramLabel = "RUN_DIR",
            description =
                    "Continue a stopped run from its checkpoint, with its saved config (settings such as --epochs may be"
                            + " given with it).")
    Path resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume != null) {
            refuseWithResume();
        }
        GenzooRuntime runtime = Runtimes.start(spec);
        StopSignals.install(runtime.stopRequest());
        ProgressBar progress = ProgressBar.forConsole(err);
        TrainingOutcome outcome;
        Path dir = resume;
        try {
            if (resume != null) {
                outcome = runtime.resumeWith(
                        resume,
                        SettingsMixin.given(spec, Settings.ALL),
                        TrainingBanner.resuming(err, resume.toString()),
                        progress);
            } else {
                ConfigDraft draft = config == null ? new ConfigDraft() : ConfigFile.read(config);
                ExperimentConfig resolved = runtime.resolve(draft.overlay(commandLineDraft()));
                dir = runDir != null ? runDir : RunDirectory.defaultPath(resolved);
                outcome = runtime.train(resolved, dir, TrainingBanner.training(err, resolved), progress);
            }
        } catch (TrainingStopped stop) {
            return StopSignals.report(stop, err, "genzoo train --resume " + StopSignals.quoted(dir));
        }
        report(out, outcome);
        for (String warning : outcome.warnings()) {
            err.println("genzoo: warning: " + warning);
        }
        err.flush();
        return 0;
    }

    private void refuseWithResume() {
        List<String> given = new ArrayList<>(SettingsMixin.notResumable(spec, Settings.ALL));
        if (encoder != null || decoder != null || prior != null || objective != null) {
            given.add("a component");
        }
        if (!params.isEmpty()) {
            given.add("-P");
        }
        if (config != null) {
            given.add("--config");
        }
        if (runDir != null) {
            given.add("--run-dir");
        }
        if (!given.isEmpty()) {
            throw new GenzooException("--resume continues a run with its saved config; only "
                    + String.join(", ", SettingsMixin.resumable(Settings.ALL)) + " may be given with it, not "
                    + String.join(", ", given));
        }
    }

    private ConfigDraft commandLineDraft() {
        ConfigDraft draft = SettingsMixin.given(spec, Settings.ALL);
        put(draft, Role.ENCODER, encoder);
        put(draft, Role.DECODER, decoder);
        put(draft, Role.PRIOR, prior);
        put(draft, Role.OBJECTIVE, objective);
        draft.options.putAll(params);
        return draft;
    }

    private static void put(ConfigDraft draft, Role role, String name) {
        if (name != null) {
            draft.components.put(role, name);
        }
    }

    private static void report(PrintWriter out, TrainingOutcome outcome) {
        out.printf("run directory: %s%n", outcome.runDirectory());
        out.printf("parameters: %,d%n", outcome.parameters());
        if (outcome.last() != null) {
            Map<String, Double> test = outcome.last().test();
            out.printf(
                    Locale.ROOT,
                    "epochs: %d, steps: %d, %.1f s%n",
                    outcome.last().epoch(),
                    outcome.last().step(),
                    outcome.last().seconds());
            out.println(
                    "train loss: " + ConsoleText.number(outcome.last().train().get("loss")));
            if (outcome.inputSeconds() > 0 && outcome.last().seconds() > 0) {
                out.printf(
                        Locale.ROOT,
                        "input: %.1f s, %.1f%% of the run's time (each batch gathered while the step before it ran)%n",
                        outcome.inputSeconds(),
                        100 * outcome.inputSeconds() / outcome.last().seconds());
            }
            out.println("test: " + ConsoleText.numbers(test, Evaluation.BOUND, Evaluation.BITS_PER_DIMENSION));
            Double bound = test.get(Evaluation.BOUND);
            if (bound != null) {
                boolean conditional = !"none".equals(outcome.config().get(Settings.CONDITION));
                out.printf(
                        Locale.ROOT,
                        "test bound on log p(x%s): %.4f nats per example, %.4f bits per dimension%n",
                        conditional ? "|y" : "",
                        bound,
                        test.get(Evaluation.BITS_PER_DIMENSION));
                if (outcome.logCellVolume() != 0) {
                    out.printf(
                            Locale.ROOT,
                            "(the bound is minus the loss plus %.4f nats, the log-volume of a quantization cell:"
                                    + " the loss is a density of the dequantized pixels, the bound a probability of the"
                                    + " discrete ones)%n",
                            outcome.logCellVolume());
                }
            }
        }
        out.flush();
    }
}
