package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genzoo export writes the checkpoint's own numbers: every trained parameter, bit for bit, or its
 * moving average where the run kept one (read back from checkpoint.zip's own arrays).
 */
final class ExportedParametersTest {
    @TempDir
    Path dir;

    @Test
    void exportHoldsTheTrainedParametersOfARunWithoutAnAverage() throws IOException {
        Path run = train("plain");
        Map<String, NumPyFiles.Array> exported = export(run);
        Map<String, NumPyFiles.Array> trained = member(run, "parameters.npz");

        assertThat(exported.keySet()).containsAll(trained.keySet());
        trained.forEach((name, array) -> {
            assertThat(exported.get(name).shape()).as(name).containsExactly(array.shape());
            assertThat(exported.get(name).values()).as(name).containsExactly(array.values());
        });
    }

    @Test
    void exportHoldsTheMovingAverageOfARunThatKeptOne() throws IOException {
        Path run = train("ema", "--ema", "0.9");
        Map<String, NumPyFiles.Array> exported = export(run);
        Map<String, NumPyFiles.Array> trained = member(run, "parameters.npz");
        Map<String, NumPyFiles.Array> callbacks = member(run, "callbacks.npz");

        assertThat(trained).isNotEmpty();
        trained.forEach((name, array) -> {
            NumPyFiles.Array average = callbacks.get("ema/" + name);
            assertThat(average).as("the checkpoint's average of " + name).isNotNull();
            assertThat(exported.get(name).values()).as(name).containsExactly(average.values());
        });
        // twelve steps in, the average is not the trained weights, so the test tells them apart
        String first = trained.keySet().iterator().next();
        assertThat(exported.get(first).values()).isNotEqualTo(trained.get(first).values());
    }

    private Path train(String name, String... extra) {
        Path run = dir.resolve(name);
        String[] args = new String[] {"train", "--epochs", "1", "--tensorboard", "false", "--run-dir", run.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        Console.Run training = Console.run(all);
        assertThat(training.code()).as(training.err()).isZero();
        return run;
    }

    private Map<String, NumPyFiles.Array> export(Path run) {
        Path out = run.resolve("exported.npz");
        Console.Run export = Console.run("export", run.toString(), "--format", "npz", "-o", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        return NumPyFiles.npz(out);
    }

    /** One member of checkpoint.zip, written out and read as .npz. */
    private static Map<String, NumPyFiles.Array> member(Path run, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(run.resolve("checkpoint.zip")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    Path file = run.resolve("member-" + name);
                    Files.write(file, zip.readAllBytes());
                    return NumPyFiles.npz(file);
                }
            }
        }
        throw new AssertionError(name + " is not in " + run.resolve("checkpoint.zip"));
    }
}
