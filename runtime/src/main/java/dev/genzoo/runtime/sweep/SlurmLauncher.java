package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Trials as one Slurm job array ({@code sbatch --array --requeue}), a task per trial: writes the
 * batch script into {@code slurm/array.sh}, submits it, and waits until no task of the job is left
 * in {@code squeue}; each task's exit code comes from the file it writes. A task Slurm preempts is
 * sent SIGTERM, which genzoo answers with a checkpoint; requeued, it resumes from it.
 */
public final class SlurmLauncher implements Launcher {
    private final Path sweep;
    private final Map<Setting<?>, Object> settings;
    private final List<String> extra;
    private final TrialProgram program;
    private final long pollMillis;

    /**
     * A launcher.
     *
     * @param sweep the sweep directory, on a file system the cluster's nodes share
     * @param settings every {@link SweepSettings} value
     * @param extra extra {@code #SBATCH} lines
     * @param program how a task starts genzoo
     * @param pollMillis how often squeue is asked
     */
    public SlurmLauncher(
            Path sweep, Map<Setting<?>, Object> settings, List<String> extra, TrialProgram program, long pollMillis) {
        this.sweep = sweep;
        this.settings = Map.copyOf(settings);
        this.extra = List.copyOf(extra);
        this.program = program;
        this.pollMillis = pollMillis;
    }

    @Override
    public List<TrialOutcome> run(List<TrialLaunch> launches, SweepListener listener) {
        List<Trial> trials = launches.stream().map(TrialLaunch::trial).toList();
        Path script = sweep.resolve("slurm").resolve("array.sh");
        long start = System.nanoTime();
        try {
            Files.createDirectories(script.getParent());
            Files.createDirectories(sweep.resolve("logs"));
            Files.createDirectories(sweep.resolve("status"));
            for (Trial trial : trials) {
                Files.deleteIfExists(status(trial));
            }
        } catch (IOException e) {
            throw new GenzooException("could not prepare " + sweep + " for Slurm: " + e.getMessage(), e);
        }
        AtomicFiles.write(
                script,
                SlurmScript.write(sweep, trials, settings, extra, program).getBytes(StandardCharsets.UTF_8));
        String job = submit(script);
        launches.forEach(listener::started);
        // a requeued task leaves the queue for a moment: the job is over once it has stayed away
        for (int empty = 0; empty < 3; ) {
            empty = queued(job).isBlank() ? empty + 1 : 0;
            sleep();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TrialOutcome> outcomes = new ArrayList<>();
        for (TrialLaunch launch : launches) {
            TrialOutcome outcome = new TrialOutcome(launch, exitCode(launch.trial()), seconds);
            listener.finished(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Path status(Trial trial) {
        return sweep.resolve("status").resolve(trial.name() + ".exit");
    }

    private int exitCode(Trial trial) {
        try {
            return Integer.parseInt(Files.readString(status(trial)).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The job's tasks still in the queue; none once Slurm has forgotten the job. */
    private static String queued(String job) {
        try {
            return command("squeue", "-h", "-j", job, "-o", "%i");
        } catch (GenzooException e) {
            if (e.getMessage().contains("Invalid job id")) {
                return "";
            }
            throw e;
        }
    }

    /** Submits the script and returns the job's id. */
    private String submit(Path script) {
        String out = command("sbatch", "--parsable", script.toAbsolutePath().toString())
                .trim();
        String job = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!job.matches("\\d+")) {
            throw new GenzooException("sbatch did not give a job id: " + out);
        }
        return job;
    }

    private void sleep() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenzooException("the sweep was interrupted while waiting for Slurm", e);
        }
    }

    /** Runs a Slurm command and returns its output; one that fails is one sentence. */
    static String command(String... words) {
        try {
            Process process =
                    new ProcessBuilder(words).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new GenzooException(words[0] + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new GenzooException(
                    words[0] + " could not be run (is Slurm installed here, and on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenzooException("interrupted while running " + words[0], e);
        }
    }
}
