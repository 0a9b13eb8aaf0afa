package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.sweep.ApplicableOptions;
import dev.genzoo.runtime.sweep.Launcher;
import dev.genzoo.runtime.sweep.Leaderboard;
import dev.genzoo.runtime.sweep.LocalLauncher;
import dev.genzoo.runtime.sweep.SlurmLauncher;
import dev.genzoo.runtime.sweep.Sweep;
import dev.genzoo.runtime.sweep.SweepListener;
import dev.genzoo.runtime.sweep.SweepSettings;
import dev.genzoo.runtime.sweep.SweepSpec;
import dev.genzoo.runtime.sweep.Trial;
import dev.genzoo.runtime.sweep.TrialLaunch;
import dev.genzoo.runtime.sweep.TrialOutcome;
import dev.genzoo.runtime.sweep.TrialState;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/** {@code genzoo sweep}: many trials of a spec, each a {@code genzoo train} process, then the leaderboard. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every trial of a sweep spec (a base config, a grid, a random search), each one genzoo train"
                    + " in its own run directory, on this machine or as a Slurm job array; then writes the"
                    + " leaderboard. Run it again to resume: finished trials are skipped, stopped ones resumed."
        })
final class SweepCommand implements Callable<Integer> {
    /** The folder sweeps go to without --run-dir. */
    static final Path DEFAULT_PARENT = Path.of("sweeps");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "The sweep spec (YAML: base, grid, random, sweep, slurm).")
    Path specFile;

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "The sweep directory (default sweeps/<spec name>); a re-run resumes it.")
    Path runDir;

    @Option(
            names = "--sbatch",
            paramLabel = "LINE",
            description = "An extra '#SBATCH --option' line for the Slurm job array (repeatable).")
    List<String> sbatch = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepSpec sweepSpec = SweepSpec.read(specFile);
        Map<Setting<?>, Object> settings = settings(sweepSpec);
        List<String> extra = new ArrayList<>(sweepSpec.sbatchLines());
        sbatch.forEach(line -> extra.add(line.startsWith("#SBATCH") ? line : "#SBATCH " + line));
        GenzooRuntime runtime = Runtimes.start(spec);
        List<Trial> trials = ApplicableOptions.trials(
                sweepSpec,
                runtime::resolve,
                (role, component, option) -> runtime.catalog().find(role, component).factory().options().stream()
                        .anyMatch(o -> o.name().equals(option)));
        for (Trial trial : trials) {
            try {
                runtime.resolve(trial.draft());
            } catch (GenzooException e) {
                throw new GenzooException("trial " + trial.name() + ": " + e.getMessage(), e);
            }
        }
        Path dir = runDir != null ? runDir : DEFAULT_PARENT.resolve(stem(specFile));
        Sweep sweep = new Sweep(dir, sweepSpec, trials);
        sweep.prepare();
        int workers = (Integer) settings.get(SweepSettings.WORKERS);
        Launcher launcher = "slurm".equals(settings.get(SweepSettings.LAUNCHER))
                ? new SlurmLauncher(dir, settings, extra, GenzooProgram.current(), 2000)
                : new LocalLauncher(workers, Runtime.getRuntime().availableProcessors(), GenzooProgram.current());
        err.printf(
                "genzoo: sweep of %d trials in %s, launcher %s, %d at a time%n",
                trials.size(), dir, settings.get(SweepSettings.LAUNCHER), workers);
        err.flush();
        List<TrialOutcome> outcomes = sweep.run(launcher, new Lines(err));
        List<String> failed = new ArrayList<>();
        outcomes.stream()
                .filter(o -> !o.succeeded())
                .forEach(o -> failed.add(o.launch().trial().name() + " (exit " + o.exitCode() + ", log "
                        + o.launch().log() + ")"));
        boolean anyRun =
                trials.stream().anyMatch(t -> Files.isRegularFile(sweep.runOf(t).resolve("metrics.csv")));
        if (anyRun) {
            Leaderboard board = Leaderboard.of(List.of(dir));
            board.write(dir);
            out.print(board.markdown());
            out.printf(
                    "leaderboard: %s, %s, %s%n",
                    dir.resolve("leaderboard.md"), dir.resolve("leaderboard.csv"), dir.resolve("curves.png"));
        }
        out.printf(Locale.ROOT, "trials: %d, run now: %d, failed: %d%n", trials.size(), outcomes.size(), failed.size());
        out.flush();
        if (!failed.isEmpty()) {
            err.println("genzoo: error: " + failed.size() + " of " + trials.size() + " trials failed: "
                    + String.join("; ", failed) + "; run the sweep again to retry them");
            err.flush();
            return ErrorReport.USER_ERROR;
        }
        return 0;
    }

    /** The launcher's settings: the command line's over the spec's over the defaults. */
    private Map<Setting<?>, Object> settings(SweepSpec sweepSpec) {
        ConfigDraft given = SettingsMixin.given(spec, SweepSettings.ALL);
        Map<Setting<?>, Object> settings = new LinkedHashMap<>();
        for (Setting<?> setting : SweepSettings.ALL) {
            Object value = given.settings().containsKey(setting)
                    ? given.settings().get(setting)
                    : sweepSpec.launch().getOrDefault(setting, setting.defaultValue());
            settings.put(setting, value);
        }
        return settings;
    }

    /** A launcher setting's default as the help shows it: the spec's, else the built-in one. */
    static String defaultWords(Setting<?> setting) {
        return "the spec's, else " + setting.text(setting.defaultValue());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A line per trial on stderr. */
    private record Lines(PrintWriter err) implements SweepListener {
        @Override
        public void skipped(Trial trial, TrialState state) {
            err.printf(
                    "genzoo: %s %s%n",
                    trial.name(),
                    state == TrialState.FINISHED ? "finished before, skipped" : "running elsewhere, left alone");
            err.flush();
        }

        @Override
        public void started(TrialLaunch launch) {
            err.printf(
                    "genzoo: %s %s%n",
                    launch.trial().name(), launch.state() == TrialState.STOPPED ? "resumed" : "started");
            err.flush();
        }

        @Override
        public void finished(TrialOutcome outcome) {
            err.printf(
                    Locale.ROOT,
                    "genzoo: %s %s after %.1f s%n",
                    outcome.launch().trial().name(),
                    outcome.succeeded() ? "finished" : "FAILED with exit code " + outcome.exitCode(),
                    outcome.seconds());
            err.flush();
        }
    }
}
