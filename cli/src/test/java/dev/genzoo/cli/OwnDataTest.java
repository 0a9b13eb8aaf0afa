package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genzoo train} on a user's own files: a CSV table trains an MLP with a Gaussian decoder, and a
 * folder of colour images is decoded once, then read from the cache by the next run.
 */
final class OwnDataTest {
    @TempDir
    Path dir;

    @Test
    void aCsvTableOfRealFeaturesTrainsAnMlpWithAGaussianDecoder() throws IOException {
        StringBuilder table = new StringBuilder("width,height,class,depth\n");
        for (int r = 0; r < 60; r++) {
            table.append(Math.sin(r))
                    .append(',')
                    .append(Math.cos(r) * 3)
                    .append(',')
                    .append(r % 2 == 0 ? "ash" : "oak")
                    .append(',')
                    .append(r / 7.0)
                    .append('\n');
        }
        Path file = dir.resolve("trees.csv");
        Files.writeString(file, table);
        Path run = dir.resolve("run");

        Console.Run train = Console.run(
                "train",
                "--data",
                file.toString(),
                "--label-column",
                "class",
                "--epochs",
                "1",
                "-P",
                "hidden=16",
                "--run-dir",
                run.toString());

        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("decoder mlp-gaussian").contains("54 train and 6 test examples of 3, real");
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("decoder: mlp-gaussian");
    }

    @Test
    void aFolderOfColourImagesIsDecodedOnceThenReadFromTheCache() throws IOException {
        Path images = dir.resolve("images");
        for (String kind : new String[] {"leaf", "bark", "moss"}) {
            Files.createDirectories(images.resolve(kind));
            for (int i = 0; i < 4; i++) {
                BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 12; x++) {
                        image.setRGB(x, y, kind.hashCode() * (i + 1) + x * 0x1020 + y * 0x30001);
                    }
                }
                ImageIO.write(
                        image, "png", images.resolve(kind).resolve(i + ".png").toFile());
            }
        }
        String[] command = {
            "train",
            "--data",
            images.toString(),
            "--image-size",
            "8",
            "--data-cache",
            dir.resolve("cache").toString(),
            "--epochs",
            "1",
            "--run-dir",
            ""
        };

        command[command.length - 1] = dir.resolve("first").toString();
        StringBuilder firstProgress = new StringBuilder();
        Console.Run first = withProgress(() -> Console.run(command), firstProgress);
        command[command.length - 1] = dir.resolve("second").toString();
        StringBuilder secondProgress = new StringBuilder();
        Console.Run second = withProgress(() -> Console.run(command), secondProgress);

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(first.err()).contains("11 train and 1 test examples of 3x8x8, 256 levels");
        assertThat(second.err()).contains("11 train and 1 test examples of 3x8x8, 256 levels");
        assertThat(firstProgress.toString())
                .startsWith("decoding 12 images in " + images + "\n")
                .containsOnlyOnce("decoded 12 images in ");
        assertThat(secondProgress.toString())
                .startsWith("read 12 decoded images from the cache ")
                .doesNotContain("decoding");
    }

    /** Runs with System.err caught: the decoding progress is printed there, not to the command's writer. */
    private static Console.Run withProgress(Supplier<Console.Run> run, StringBuilder printed) {
        PrintStream saved = System.err;
        ByteArrayOutputStream caught = new ByteArrayOutputStream();
        System.setErr(new PrintStream(caught, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setErr(saved);
            printed.append(caught.toString(StandardCharsets.UTF_8));
        }
    }
}
