package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IdxFileTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsRawImagesScaledBy255() throws IOException {
        byte[] pixels = IdxBytes.ramp(4 * 8 * 8, 0);
        Path file = write("images", IdxBytes.images(4, 8, 8, pixels));

        Dataset images = IdxFile.readImages(file, "ramp");

        assertThat(images.size()).isEqualTo(4);
        assertThat(images.exampleShape().getShape()).containsExactly(1, 8, 8);
        assertThat(images.labels()).isEmpty();
        for (int i = 0; i < pixels.length; i++) {
            assertThat(images.values()[i]).isEqualTo(Byte.toUnsignedInt(pixels[i]) / 255f);
        }
        assertThat(images.values()).contains(0f, 1f);
    }

    @Test
    void readsGzippedFilesByTheirMagicWhateverTheirName() throws IOException {
        byte[] pixels = IdxBytes.ramp(2 * 3 * 3, 11);
        byte[] raw = IdxBytes.images(2, 3, 3, pixels);
        Path gzippedWithoutSuffix = write("images", IdxBytes.gzip(raw));
        Path rawWithSuffix = write("images.gz", raw);

        float[] fromGzip = IdxFile.readImages(gzippedWithoutSuffix, "g").values();
        float[] fromRaw = IdxFile.readImages(rawWithSuffix, "r").values();

        assertThat(fromGzip).containsExactly(fromRaw);
        assertThat(fromRaw[1]).isEqualTo(Byte.toUnsignedInt(pixels[1]) / 255f);
    }

    @Test
    void readsLabelsAsUnsignedBytes() throws IOException {
        Path raw = write("labels", IdxBytes.labels(0, 9, 7, 255));
        Path gzipped = write("labels.gz", IdxBytes.gzip(IdxBytes.labels(3, 1)));

        assertThat(IdxFile.readLabels(raw)).containsExactly(0, 9, 7, 255);
        assertThat(IdxFile.readLabels(gzipped)).containsExactly(3, 1);
    }

    @Test
    void truncatedFileSaysHowManyBytesItPromisesAndHolds() throws IOException {
        byte[] whole = IdxBytes.images(2, 3, 3, IdxBytes.ramp(18, 0));
        Path file = write("short-images", Arrays.copyOf(whole, whole.length - 5));

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .isInstanceOf(GenzooException.class)
                .hasMessage(
                        file + " is truncated: its header promises 34 bytes (2 images of 3x3)" + " but it holds 29");
    }

    @Test
    void truncatedHeaderIsRefused() throws IOException {
        Path file = write("header-only", Arrays.copyOf(IdxBytes.images(1, 2, 2, new byte[4]), 9));

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .isInstanceOf(GenzooException.class)
                .hasMessage(file + " is truncated: its header needs 16 bytes but it holds 9");
    }

    @Test
    void truncatedGzippedContentSaysItWasDecompressed() throws IOException {
        byte[] whole = IdxBytes.images(2, 2, 2, IdxBytes.ramp(8, 0));
        Path file = write("short.gz", IdxBytes.gzip(Arrays.copyOf(whole, whole.length - 1)));

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .hasMessage(file + " is truncated: its header promises 24 bytes (2 images of 2x2)"
                        + " but it holds 23 once decompressed");
    }

    @Test
    void labelFileInPlaceOfImagesShowsBothMagicNumbers() throws IOException {
        Path file = write("train-labels-idx1-ubyte", IdxBytes.labels(1, 2, 3));

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .isInstanceOf(GenzooException.class)
                .hasMessage(file + " is not an IDX image file: its magic number is 0x00000801"
                        + " (that of an IDX label file), expected 0x00000803");
    }

    @Test
    void textFileIsNotAnIdxFile() throws IOException {
        Path file = write("notes.txt", "hello, world".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> IdxFile.readLabels(file))
                .hasMessage(
                        file + " is not an IDX label file: its magic number is 0x68656C6C," + " expected 0x00000801");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nowhere-idx3-ubyte");

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("the IDX file " + file + " does not exist");
    }

    @Test
    void cutOffGzipIsDamaged() throws IOException {
        byte[] gzip = IdxBytes.gzip(IdxBytes.images(4, 5, 5, IdxBytes.ramp(100, 3)));
        Path file = write("cut.gz", Arrays.copyOf(gzip, gzip.length / 2));

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith(file + " is a damaged gzip file (")
                .hasMessageEndingWith("); download it again")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void gzipWithAWrongChecksumIsDamaged() throws IOException {
        byte[] gzip = IdxBytes.gzip(IdxBytes.images(4, 5, 5, IdxBytes.ramp(100, 3)));
        // The trailer is CRC-32 then length, 4 bytes each; flip a bit of the CRC.
        gzip[gzip.length - 8] ^= 1;
        Path file = write("crc.gz", gzip);

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .hasMessageStartingWith(file + " is a damaged gzip file (");
    }

    @Test
    void gzipMagicWithoutAGzipHeaderIsDamaged() throws IOException {
        Path file = write("fake.gz", new byte[] {0x1f, (byte) 0x8b, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .hasMessageStartingWith(file + " is a damaged gzip file (");
    }

    @Test
    void headerDeclaringNoPixelsIsDamaged() throws IOException {
        Path file = write("empty", IdxBytes.images(5, 0, 28, new byte[0]));

        assertThatThrownBy(() -> IdxFile.readImages(file, "x"))
                .hasMessage(file + " has a damaged header: it declares 5 images of 0x28");
    }
}
