package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL mid-training continues from its last checkpoint with --resume. */
final class ResumeAfterKillIT {

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
