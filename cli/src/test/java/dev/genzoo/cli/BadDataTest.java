package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genzoo train} on bad data: exit code 1, one error line naming the file (and row or
 * entry), no stack trace, and nothing written into the run directory.
 */
final class BadDataTest {
    @TempDir
    Path dir;

    /** Trains on a source and checks the refusal; returns its one error line. */
    private String refused(Path source) throws IOException {
        Path run = dir.resolve("run");
        Console.Run train = Console.run(
                "train",
                "--data",
                source.toString(),
                "--data-cache",
                dir.resolve("cache").toString(),
                "--epochs",
                "1",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isEqualTo(1);
        assertThat(train.err()).doesNotContain("Exception").doesNotContain("\tat ");
        if (Files.exists(run)) {
            try (Stream<Path> files = Files.list(run)) {
                assertThat(files.toList()).as("files in the run directory").isEmpty();
            }
        }
        return train.onlyError();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x * 0x100F + y * 0x0F0F00);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private Path images() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 4; i++) {
            Files.write(images.resolve(i + ".png"), png(8, 8));
        }
        return images;
    }

    /** An .npy file by hand (NumPy format 1.0): magic, version, header length, dict padded to 64. */
    private static byte[] npy(String descr, String shape, byte[] values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(values);
        return out.toByteArray();
    }

    @Test
    void anImageThatCannotBeOpened() throws IOException {
        Path images = images();
        Path gone = Files.createSymbolicLink(images.resolve("4.png"), dir.resolve("nowhere.png"));

        assertThat(refused(images)).contains(gone.toString());
    }

    @Test
    void aTruncatedPng() throws IOException {
        Path images = images();
        byte[] whole = png(8, 8);
        Files.write(images.resolve("2.png"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(refused(images)).contains(images.resolve("2.png") + " is damaged or truncated");
    }

    @Test
    void aTextFileAmongTheImages() throws IOException {
        Path images = images();
        Files.writeString(images.resolve("notes.txt"), "taken on a sunny day");

        assertThat(refused(images)).contains(images.resolve("notes.txt") + " is not an image");
    }

    @Test
    void imagesOfDifferentSizesWithoutAnImageSize() throws IOException {
        Path images = images();
        Files.write(images.resolve("9.png"), png(9, 8));

        assertThat(refused(images))
                .contains(images.resolve("9.png") + " is 9x8 but ")
                .endsWith("; give --image-size N to resize every image to N x N");
    }

    @Test
    void anEmptyFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(refused(empty)).contains("the folder " + empty + " holds no images");
    }

    @Test
    void anArrayOfPythonObjects() throws IOException {
        Path file = dir.resolve("objects.npy");
        Files.write(file, npy("|O", "(2,)", "\u0080\u0004N.".getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(refused(file)).contains(file + " holds Python objects (dtype '|O')");
    }

    @Test
    void aCsvWithARaggedRow() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n");

        assertThat(refused(file)).endsWith(file + " line 4 has 2 columns, but line 1 has 3");
    }

    @Test
    void aCsvWithANonNumber() throws IOException {
        Path file = dir.resolve("words.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,five,6\n7,8,9\n");

        assertThat(refused(file)).endsWith(file + " line 3 column 2: 'five' is not a number");
    }
}
