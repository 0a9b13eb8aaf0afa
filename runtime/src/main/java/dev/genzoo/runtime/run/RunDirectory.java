package dev.genzoo.runtime.run;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.callbacks.StageFiles;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * A run's folder: {@code config.yaml}, {@code metrics.csv}, {@code checkpoint.zip}, {@code
 * samples.png}, {@code reconstructions.png} (images), {@code density.png} (2-D points) and {@code
 * loss.png}; after {@code genzoo train-prior}, also {@code prior.zip} (the model with its learned prior, in the checkpoint
 * format), {@code prior-metrics.csv}, {@code prior-samples.png} and {@code prior-loss.png}. A new
 * run never writes into a folder that already has files, so earlier runs are never touched.
 */
public final class RunDirectory {
    /** Where runs go when no {@code --run-dir} is given. */
    public static final Path DEFAULT_PARENT = Path.of("runs");

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Checks that a folder can hold a new run (absent, or empty but for an unheld lock file),
     * without creating it.
     *
     * @param dir the folder
     * @return the run directory
     * @throws GenzooException if the folder holds anything, or is a file
     */
    public static RunDirectory fresh(Path dir) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new GenzooException("run directory " + dir + " is a file; choose another --run-dir");
            }
            String holder = RunLock.heldBy(dir);
            if (holder != null) {
                throw new GenzooException("run directory " + dir + " is in use by process " + holder
                        + ", which is training in it; choose another --run-dir");
            }
            new RunDirectory(dir).checkEmpty();
        }
        return new RunDirectory(dir);
    }

    /** Refuses a folder that holds anything but its lock file. */
    void checkEmpty() {
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
                throw new GenzooException("run directory "
                        + root
                        + " already holds files; choose another --run-dir, or continue it with --resume "
                        + root);
            }
        } catch (IOException e) {
            throw new GenzooException("run directory " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * An existing run with a checkpoint.
     *
     * @param dir the folder
     * @return the run directory
     * @throws GenzooException if there is no run or no checkpoint there
     */
    public static RunDirectory existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GenzooException("no run directory at " + dir);
        }
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.checkpoint())) {
            throw new GenzooException(
                    "run directory " + dir + " has no " + Checkpoint.FILE + " (a run writes it after its first epoch)");
        }
        return run;
    }

    /**
     * Whether a folder holds a run that stopped before its first checkpoint: its config.yaml,
     * and no checkpoint to continue from.
     *
     * @param dir the folder
     * @return true for such a run
     */
    public static boolean unstarted(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        return Files.isDirectory(dir) && Files.isRegularFile(run.config()) && !Files.exists(run.checkpoint());
    }

    /**
     * A run that stopped before its first checkpoint, to be started afresh in its own folder.
     *
     * @param dir the folder
     * @return the run directory
     * @throws GenzooException if the folder is not such a run
     */
    static RunDirectory reused(Path dir) {
        if (!unstarted(dir)) {
            throw new GenzooException(
                    "run directory " + dir + " is not a run that stopped before its first checkpoint");
        }
        return new RunDirectory(dir);
    }

    /**
     * A new folder name under {@link #DEFAULT_PARENT}: date, time, encoder and objective.
     *
     * @param config the run's config
     * @return a path that does not exist yet
     */
    public static Path defaultPath(ExperimentConfig config) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String base = stamp + "-" + config.component(Role.ENCODER) + "-" + config.component(Role.OBJECTIVE);
        Path path = DEFAULT_PARENT.resolve(base);
        for (int i = 2; Files.exists(path); i++) {
            path = DEFAULT_PARENT.resolve(base + "-" + i);
        }
        return path;
    }

    /**
     * Deletes the hidden temporary files a killed write can leave behind ({@code .name.tmp}); the
     * files they were meant to replace are intact.
     */
    void sweepTemporaries() {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new GenzooException("could not tidy run directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** Creates the folder (and its parents). */
    void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new GenzooException("could not create run directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return the folder */
    public Path root() {
        return root;
    }

    /** @return {@code config.yaml} */
    public Path config() {
        return root.resolve("config.yaml");
    }

    /** @return {@code metrics.csv} */
    public Path metrics() {
        return root.resolve("metrics.csv");
    }

    /** @return {@code checkpoint.zip} */
    public Path checkpoint() {
        return root.resolve(Checkpoint.FILE);
    }

    /** @return {@code samples.png} */
    public Path samples() {
        return root.resolve("samples.png");
    }

    /** @return {@code reconstructions.png} */
    public Path reconstructions() {
        return root.resolve("reconstructions.png");
    }

    /**
     * Where the next evaluation report goes: {@code eval.json}, or the first of {@code eval-2.json},
     * {@code eval-3.json}, ... that does not exist yet.
     *
     * @return a path that does not exist
     */
    public Path nextEvaluation() {
        return nextFree(root, "eval", ".json");
    }

    /**
     * The first of {@code base + extension}, {@code base-2 + extension}, {@code base-3 +
     * extension}, ... in a folder that does not exist yet, so that nothing written before is
     * replaced.
     *
     * @param folder the folder
     * @param base the name without its extension: "samples-seed0"
     * @param extension ".png", ".json"
     * @return a path that does not exist
     */
    public static Path nextFree(Path folder, String base, String extension) {
        Path path = folder.resolve(base + extension);
        for (int i = 2; Files.exists(path); i++) {
            path = folder.resolve(base + "-" + i + extension);
        }
        return path;
    }

    /** @return {@code density.png} */
    public Path density() {
        return root.resolve("density.png");
    }

    /** @return {@code loss.png} */
    public Path lossCurve() {
        return root.resolve("loss.png");
    }

    /** @return {@code prior.zip}, the checkpoint of the model with a learned prior */
    public Path priorCheckpoint() {
        return root.resolve("prior.zip");
    }

    /**
     * Whether {@code genzoo train-prior} has stored a learned prior here.
     *
     * @return true if {@code prior.zip} exists
     */
    public boolean hasLearnedPrior() {
        return Files.isRegularFile(priorCheckpoint());
    }

    /** @return {@code prior-metrics.csv} */
    public Path priorMetrics() {
        return root.resolve("prior-metrics.csv");
    }

    /** @return {@code prior-samples.png} */
    public Path priorSamples() {
        return root.resolve("prior-samples.png");
    }

    /**
     * Where the model's training stage writes.
     *
     * @return metrics.csv, checkpoint.zip, samples.png, reconstructions.png, density.png, loss.png
     */
    public StageFiles modelStage() {
        return new StageFiles(
                metrics(), checkpoint(), samples(), reconstructions(), density(), lossCurve(), best(), root);
    }

    /**
     * Where fitting a learned prior writes.
     *
     * @return prior-metrics.csv, prior.zip, prior-samples.png, prior-loss.png
     */
    public StageFiles priorStage() {
        return new StageFiles(
                priorMetrics(),
                priorCheckpoint(),
                priorSamples(),
                null,
                null,
                priorLossCurve(),
                root.resolve("prior-best.zip"),
                root.resolve("prior-events"));
    }

    /** @return {@code best.zip}, the checkpoint of the best test bound ({@code --keep-best true}) */
    public Path best() {
        return root.resolve("best.zip");
    }

    /** @return {@code prior-loss.png} */
    public Path priorLossCurve() {
        return root.resolve("prior-loss.png");
    }
}
