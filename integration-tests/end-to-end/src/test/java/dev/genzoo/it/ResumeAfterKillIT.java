package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL mid-training continues from its last checkpoint with --resume; one
 * stopped by SIGTERM inside an epoch saves a checkpoint there, says so in one line, exits 143, and
 * resumes bit-exactly; Ctrl-C (SIGINT) is the same with exit code 130.
 */
final class ResumeAfterKillIT {

    private static List<String> withoutSeconds(Path metrics) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            String[] cells = line.split(",", -1);
            cells[2] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    private static String state(Path run) throws Exception {
        try (var zip = new java.util.zip.ZipFile(run.resolve("checkpoint.zip").toFile())) {
            return new String(zip.getInputStream(zip.getEntry("state.json")).readAllBytes());
        }
    }

    private static List<String> finalNumbers(String out) {
        return out.lines()
                .filter(l -> l.startsWith("train loss") || l.startsWith("test"))
                .toList();
    }

    private static Process startAndWaitForAnEpoch(Path dir, Path run, Path log, int epochs) throws Exception {
        return startAndWaitForAnEpoch(dir, run, log, epochs, 8);
    }

    private static Process startAndWaitForAnEpoch(Path dir, Path run, Path log, int epochs, int batch)
            throws Exception {
        Process process = Cli.command(
                        dir,
                        "train",
                        "--epochs",
                        Integer.toString(epochs),
                        "--batch-size",
                        Integer.toString(batch),
                        "-P",
                        "hidden=32",
                        "--run-dir",
                        run.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && metricsRows(run) < 1 && process.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(metricsRows(run)).as("an epoch before the signal").isGreaterThanOrEqualTo(1);
        return process;
    }

    @Test
    void sigtermInsideAnEpochCheckpointsThereAndTheResumeIsBitExact(@TempDir Path dir) throws Exception {
        Cli.Result whole =
                Cli.run(dir, "train", "--epochs", "2", "--batch-size", "1", "-P", "hidden=32", "--run-dir", "whole");
        assertThat(whole.code()).as(whole.err()).isZero();

        Path run = dir.resolve("run");
        Process process = startAndWaitForAnEpoch(dir, run, dir.resolve("log.txt"), 2, 1);
        // past the end of epoch 1 (its checkpoint written), well inside epoch 2's 1,437 steps
        while (process.isAlive() && !Files.exists(run.resolve("checkpoint.zip"))) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        process.destroy(); // SIGTERM, as Slurm sends when it preempts a job
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(process.exitValue()).as(log).isEqualTo(143);
        assertThat(log.lines().filter(l -> l.contains("stopped by SIGTERM")))
                .singleElement()
                .asString()
                .contains("checkpoint saved")
                .endsWith("continue with genzoo train --resume " + run);
        // 1,437 steps an epoch: the signal lands inside one (the checkpoint records how far)
        assertThat(state(run)).contains("\"format\":3").contains("\"batches\":");

        Cli.Result resumed = Cli.run(dir, "train", "--resume", run.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(withoutSeconds(run.resolve("metrics.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("whole/metrics.csv")));
        assertThat(finalNumbers(resumed.out())).isEqualTo(finalNumbers(whole.out()));
    }

    @Test
    void ctrlCSaysWhereItStoppedAndExits130(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Process process = startAndWaitForAnEpoch(dir, run, dir.resolve("log.txt"), 200);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(process.exitValue()).as(log).isEqualTo(130);
        assertThat(log)
                .containsPattern("genzoo: interrupted at epoch \\d+ \\(step \\d+, checkpoint saved\\); continue"
                        + " with genzoo train --resume " + java.util.regex.Pattern.quote(run.toString()));
        Cli.Result resumed =
                Cli.run(dir, "train", "--resume", run.toString(), "--epochs", Integer.toString(metricsRows(run) + 1));
        assertThat(resumed.code()).as(resumed.err()).isZero();
    }

    @Test
    void aSecondProcessIsRefusedNamingTheHolderAndAKilledHolderLeavesNoStaleLock(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Process holder = startAndWaitForAnEpoch(dir, run, dir.resolve("log.txt"), 200);
        Cli.Result second = Cli.run(dir, "train", "--resume", run.toString());
        Cli.Result third = Cli.run(dir, "train", "--epochs", "1", "--run-dir", run.toString());
        assertThat(holder.isAlive()).as("the holder still trains").isTrue();
        holder.destroyForcibly().waitFor();
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("is in use by process " + holder.pid());
        assertThat(third.code()).isEqualTo(1);
        assertThat(third.err()).contains("is in use by process " + holder.pid());

        // one epoch more than the killed holder wrote, however far it got
        String epochs = Integer.toString(metricsRows(run) + 1);
        Cli.Result after = Cli.run(dir, "train", "--resume", run.toString(), "--epochs", epochs);
        assertThat(after.code())
                .as("the OS released the killed holder's lock: " + after.err())
                .isZero();
    }

    @Test
    void aKilledRunResumesFromItsLastCheckpoint(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Process process = Cli.command(dir, "train", "--epochs", "400", "-P", "hidden=32", "--run-dir", run.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && metricsRows(run) < 3) {
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        int rowsAtKill = metricsRows(run);
        assertThat(rowsAtKill)
                .as("epochs written before the kill")
                .isGreaterThanOrEqualTo(3)
                .isLessThan(400);

        Cli.Result resumed =
                Cli.run(dir, "train", "--resume", run.toString(), "--epochs", String.valueOf(rowsAtKill + 3));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(lines).hasSize(rowsAtKill + 3 + 1);
        for (int epoch = 1; epoch < lines.size(); epoch++) {
            String[] cells = lines.get(epoch).split(",");
            assertThat(Integer.parseInt(cells[0])).isEqualTo(epoch);
            assertThat(Long.parseLong(cells[1]))
                    .as("steps after epoch %d", epoch)
                    .isEqualTo(12L * epoch);
        }
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static int metricsRows(Path run) {
        try {
            return Math.max(0, Files.readAllLines(run.resolve("metrics.csv")).size() - 1);
        } catch (Exception e) {
            return 0;
        }
    }
}
