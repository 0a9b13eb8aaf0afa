package dev.genzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line on stderr, a non-zero exit code, no stack trace, and no trace on disk. */
final class BadInputIT {

    private static void assertOneLineError(Cli.Result result, int code, String... fragments) {
        assertThat(result.code()).as(result.err()).isEqualTo(code);
        String firstLine = result.err()
                .lines()
                .filter(l -> l.startsWith("genzoo: error: "))
                .findFirst()
                .orElse("");
        for (String fragment : fragments) {
            assertThat(firstLine).contains(fragment);
        }
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownComponentNamesTheNearest(@TempDir Path dir) throws Exception {
        assertOneLineError(
                Cli.run(dir, "train", "--encoder", "mlp-gausian"),
                1,
                "unknown encoder 'mlp-gausian'",
                "did you mean 'mlp-gaussian'?");
        assertOneLineError(Cli.run(dir, "train", "--objective", "iwea"), 1, "unknown objective 'iwea'");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void badOptionsAreNamed(@TempDir Path dir) throws Exception {
        assertOneLineError(Cli.run(dir, "train", "-P", "latent=-2"), 1, "option 'latent'", ">= 1", "'-2'");
        assertOneLineError(
                Cli.run(dir, "train", "-P", "hiden=5"), 1, "unknown option 'hiden'", "did you mean 'hidden'?");
        assertOneLineError(
                Cli.run(dir, "train", "-P", "activation=relo"), 1, "option 'activation'", "did you mean 'relu'?");
        assertOneLineError(Cli.run(dir, "train", "--epochs", "0"), 1, "--epochs must be at least 1");
        assertOneLineError(Cli.run(dir, "train", "--epochs", "ten"), 2, "--epochs");
        assertOneLineError(Cli.run(dir, "train", "--binarize", "half"), 1, "half");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void missingAndMalformedFilesAreNamed(@TempDir Path dir) throws Exception {
        assertOneLineError(Cli.run(dir, "train", "--data", dir.resolve("absent").toString()), 1, "absent");
        Path truncated = dir.resolve("t10k.idx.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write(new byte[] {0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
        }
        assertOneLineError(Cli.run(dir, "train", "--data", truncated.toString()), 1, truncated.toString(), "truncated");
        assertOneLineError(
                Cli.run(dir, "train", "--config", dir.resolve("none.yaml").toString()),
                1,
                "none.yaml",
                "does not exist");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "training: [oops\n");
        assertOneLineError(Cli.run(dir, "train", "--config", bad.toString()), 1, "bad.yaml", "not valid YAML");
        assertOneLineError(Cli.run(dir, "sample", dir.resolve("norun").toString()), 1, "no run directory");
        assertOneLineError(Cli.run(dir, "train", "--resume", dir.toString()), 1, "has no checkpoint.zip");
    }

    @Test
    void devicesThatAreNotThereAreRefused(@TempDir Path dir) throws Exception {
        assertOneLineError(Cli.run(dir, "train", "--device", "tpu"), 1, "unknown device 'tpu'");
        Cli.Result gpu = Cli.run(dir, "train", "--device", "gpu");
        if (gpu.code() != 0) {
            assertOneLineError(gpu, 1, "GPU");
        }
    }

    @Test
    void earlierRunsAreLeftUntouched(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertThat(Cli.run(dir, "train", "--epochs", "1", "--run-dir", run.toString())
                        .code())
                .isZero();
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoint.zip"));
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.csv"));
        assertOneLineError(
                Cli.run(dir, "train", "--epochs", "1", "--run-dir", run.toString()), 1, "already holds files");
        assertOneLineError(Cli.run(dir, "train", "--resume", run.toString()), 1, "already trained 1 of 1 epochs");
        assertOneLineError(Cli.run(dir, "train", "--resume", run.toString(), "--lr", "0.1"), 1, "--resume");
        assertThat(Files.readAllBytes(run.resolve("checkpoint.zip"))).isEqualTo(checkpoint);
        assertThat(Files.readAllBytes(run.resolve("metrics.csv"))).isEqualTo(metrics);
    }

    @Test
    void verboseShowsTheStackTrace(@TempDir Path dir) throws Exception {
        Cli.Result result = Cli.run(dir, "train", "--verbose", "--encoder", "nope");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("GenzooException").contains("\tat ");
    }

    @Test
    void unknownFlagsAreUsageErrors(@TempDir Path dir) throws Exception {
        assertOneLineError(Cli.run(dir, "train", "--epoch", "3"), 2, "--epoch");
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
