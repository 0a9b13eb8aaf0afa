package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per run directory, between real processes of the packaged CLI: while {@code genzoo
 * train-prior} fits a prior in a run, a {@code train --resume} there is refused naming its pid, and
 * the other way round; and of two {@code train --run-dir SAME} started at the same instant, exactly
 * one runs and the other is refused, the folder holding the winner's files alone.
 */
final class RunLockIT {
    private static final String IN_USE = "is in use by process ";

    @Test
    void twoTrainingsStartedTogetherInOneFolderRunOnce(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        // different seeds and epochs, so the folder's files tell whose they are
        Process first = start(dir, dir.resolve("first.txt"), "1", "4");
        Process second = start(dir, dir.resolve("second.txt"), "2", "5");
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String firstLog = Files.readString(dir.resolve("first.txt"));
        String secondLog = Files.readString(dir.resolve("second.txt"));
        assertThat(List.of(first.exitValue(), second.exitValue()))
                .as("one runs, one is refused:\n%s\n%s", firstLog, secondLog)
                .containsExactlyInAnyOrder(0, 1);
        boolean firstWon = first.exitValue() == 0;
        Process winner = firstWon ? first : second;
        String loserLog = firstWon ? secondLog : firstLog;
        assertThat(loserLog.lines().filter(l -> l.startsWith("genzoo: error: ")))
                .singleElement()
                .asString()
                // refused when it locks the folder, or earlier, when it checks that the folder is new
                .startsWith("genzoo: error: run directory " + run + " " + IN_USE + winner.pid()
                        + ", which is training in it; ");

        String seed = firstWon ? "1" : "2";
        int epochs = firstWon ? 4 : 5;
        assertThat(Files.readString(run.resolve("config.yaml")))
                .contains("  seed: " + seed + "\n")
                .contains("  epochs: " + epochs + "\n");
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + epochs);
        assertThat(Files.readString(run.resolve(".genzoo.lock"), StandardCharsets.US_ASCII)
                        .strip())
                .as("the lock file names its last holder")
                .isEqualTo(Long.toString(winner.pid()));
        try (var zip = new java.util.zip.ZipFile(run.resolve("checkpoint.zip").toFile())) {
            String config =
                    new String(zip.getInputStream(zip.getEntry("config.yaml")).readAllBytes());
            assertThat(config).contains("  seed: " + seed + "\n");
        }
    }

    @Test
    void trainPriorAndTrainingRefuseEachOtherNamingTheHolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Cli.Result trained = Cli.run(dir, vqTraining("1", "--run-dir", run.toString()));
        assertThat(trained.code()).as(trained.err()).isZero();

        // training holds the folder: train-prior is refused
        Process training = Cli.command(dir, "train", "--resume", run.toString(), "--epochs", "400")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.txt").toFile())
                .start();
        waitForRows(training, run.resolve("metrics.csv"), 2);
        Cli.Result prior = Cli.run(dir, priorFit(run, "1"));
        assertThat(training.isAlive()).as("the training still runs").isTrue();
        training.destroyForcibly().waitFor();
        assertThat(prior.code()).as(prior.out()).isEqualTo(1);
        assertThat(prior.err())
                .contains("run directory " + run + " " + IN_USE + training.pid() + ", which is training");
        assertThat(run.resolve("prior.zip")).doesNotExist();

        // train-prior holds it: training, resumed or new, is refused
        Process fitting = Cli.command(dir, priorFit(run, "400"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("fitting.txt").toFile())
                .start();
        waitForRows(fitting, run.resolve("prior-metrics.csv"), 1);
        Cli.Result resumed = Cli.run(dir, "train", "--resume", run.toString(), "--epochs", "400");
        Cli.Result fresh = Cli.run(dir, vqTraining("1", "--run-dir", run.toString()));
        assertThat(fitting.isAlive()).as("the prior's fit still runs").isTrue();
        fitting.destroyForcibly().waitFor();
        assertThat(resumed.code()).as(resumed.out()).isEqualTo(1);
        assertThat(resumed.err()).contains("run directory " + run + " " + IN_USE + fitting.pid());
        assertThat(fresh.code()).as(fresh.out()).isEqualTo(1);
        assertThat(fresh.err()).contains("run directory " + run + " " + IN_USE + fitting.pid());
    }

    private static Process start(Path dir, Path log, String seed, String epochs) throws Exception {
        return Cli.command(
                        dir,
                        "train",
                        "--epochs",
                        epochs,
                        "--batch-size",
                        "16",
                        "-P",
                        "hidden=16",
                        "--seed",
                        seed,
                        "--tensorboard",
                        "false",
                        "--run-dir",
                        dir.resolve("run").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String[] vqTraining(String epochs, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "train",
                "--encoder",
                "vq-conv",
                "-P",
                "channels=16",
                "-P",
                "codes=16",
                "-P",
                "code-dim=8",
                "--epochs",
                epochs));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] priorFit(Path run, String epochs) {
        return new String[] {
            "train-prior",
            run.toString(),
            "--prior",
            "transformer-codes",
            "-P",
            "width=16",
            "-P",
            "layers=1",
            "--epochs",
            epochs
        };
    }

    private static void waitForRows(Process process, Path metrics, int rows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && rows(metrics) < rows && process.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(rows(metrics))
                .as("rows of " + metrics + " before the second process")
                .isGreaterThanOrEqualTo(rows);
    }

    private static int rows(Path metrics) {
        try {
            return Math.max(0, Files.readAllLines(metrics).size() - 1);
        } catch (Exception e) {
            return 0;
        }
    }
}
