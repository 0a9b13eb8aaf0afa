package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run of a sweep in its directory: {@code sweep.yaml} (the spec), {@code configs/<trial>.yaml}
 * (each trial's config file), {@code <trial>/} (each trial's run directory), {@code logs/<trial>.log};
 * then the trials that are not finished are launched (new ones trained, stopped ones resumed, those
 * another process is running left alone), so a sweep can be run again until every trial is done.
 */
public final class Sweep {
    private final Path dir;
    private final SweepSpec spec;
    private final List<Trial> trials;

    /**
     * A sweep in a directory.
     *
     * @param dir the sweep directory: new, or one that holds the same spec
     * @param spec the spec
     * @param trials its trials, checked
     */
    public Sweep(Path dir, SweepSpec spec, List<Trial> trials) {
        this.dir = dir;
        this.spec = spec;
        this.trials = List.copyOf(trials);
    }

    /** @return the sweep directory */
    public Path directory() {
        return dir;
    }

    /** @return the trials */
    public List<Trial> trials() {
        return trials;
    }

    /** @return a trial's run directory */
    public Path runOf(Trial trial) {
        return dir.resolve(trial.name());
    }

    /**
     * Writes the spec and the trials' configs; refuses a directory that holds another sweep.
     *
     * @throws GenzooException if the directory holds another spec or something else
     */
    public void prepare() {
        Path saved = dir.resolve("sweep.yaml");
        try {
            if (Files.exists(saved)) {
                if (!Files.readString(saved, StandardCharsets.UTF_8).equals(spec.text())) {
                    throw new GenzooException("sweep directory " + dir
                            + " holds another sweep (its sweep.yaml differs from this spec); choose another --run-dir");
                }
            } else if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new GenzooException("sweep directory " + dir
                                + " already holds files that are not a sweep's; choose another --run-dir");
                    }
                }
            }
            Files.createDirectories(dir.resolve("configs"));
            Files.createDirectories(dir.resolve("logs"));
            AtomicFiles.write(saved, spec.text().getBytes(StandardCharsets.UTF_8));
            for (Trial trial : trials) {
                AtomicFiles.write(config(trial), trial.configYaml().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new GenzooException("could not prepare sweep directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path config(Trial trial) {
        return dir.resolve("configs").resolve(trial.name() + ".yaml");
    }

    /**
     * Launches every trial that is not finished, and waits for them.
     *
     * @param launcher where they run
     * @param listener hears each trial
     * @return how each launched trial ended
     */
    public List<TrialOutcome> run(Launcher launcher, SweepListener listener) {
        List<TrialLaunch> launches = new ArrayList<>();
        for (Trial trial : trials) {
            Path run = runOf(trial);
            TrialState state = TrialState.of(run);
            Path log = dir.resolve("logs").resolve(trial.name() + ".log");
            switch (state) {
                case FINISHED, RUNNING -> listener.skipped(trial, state);
                case STOPPED ->
                    launches.add(new TrialLaunch(trial, state, List.of("train", "--resume", run.toString()), log));
                case NEW -> {
                    deleteRecursively(run);
                    launches.add(new TrialLaunch(
                            trial,
                            state,
                            List.of("train", "--config", config(trial).toString(), "--run-dir", run.toString()),
                            log));
                }
            }
        }
        return launches.isEmpty() ? List.of() : launcher.run(launches, listener);
    }

    /** Removes a run directory that a killed start left without a checkpoint (nobody holds its lock). */
    private static void deleteRecursively(Path run) {
        if (!Files.exists(run)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(run)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new GenzooException("could not clear the unfinished trial " + run + ": " + e.getMessage(), e);
        }
    }
}
