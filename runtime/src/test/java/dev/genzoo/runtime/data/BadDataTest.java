package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input is refused in one sentence that names the file, and the row or entry. */
final class BadDataTest {
    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Path source) {
        return assertThatThrownBy(() -> DataSources.load(source.toString()))
                .isInstanceOf(GenzooException.class)
                .hasMessageNotContaining("\n");
    }

    private Path images(String folder) throws IOException {
        Path images = Files.createDirectories(dir.resolve(folder));
        for (int i = 0; i < 3; i++) {
            ImageFiles.rgb(images.resolve(i + ".png"), 16, 16, (x, y) -> x * 0x100F + y * 0x0F0F00);
        }
        return images;
    }

    @Test
    void anImageThatCannotBeOpenedIsNamed() throws IOException {
        Path images = images("images");
        Path gone = images.resolve("3.png");
        Files.createSymbolicLink(gone, dir.resolve("nowhere.png"));

        refused(images).hasMessage("cannot read " + gone + ": it does not exist (a link to a file that is gone?)");
    }

    @Test
    void anImageWithoutReadPermissionIsNamed() throws IOException {
        Path images = images("images");
        Path locked = images.resolve("1.png");
        assertThat(locked.toFile().setReadable(false, false)).isTrue();
        Assumptions.assumeFalse(Files.isReadable(locked), "the test runs as a user who reads every file (root)");

        refused(images).hasMessage("genzoo may not read " + locked + "; check its permissions");
    }

    @Test
    void aTruncatedJpegIsNamed() throws IOException {
        Path images = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 3; i++) {
            ImageFiles.rgb(images.resolve(i + ".jpg"), 64, 64, (x, y) -> x * 0x30405 + y * 0x50301);
        }
        Path jpeg = images.resolve("1.jpg");
        byte[] whole = Files.readAllBytes(jpeg);
        Files.write(jpeg, Arrays.copyOf(whole, whole.length * 2 / 3));

        refused(images).hasMessageStartingWith(jpeg + " is damaged or truncated");
    }

    @Test
    void aFileWithoutReadPermissionIsNamed() throws IOException {
        Path table = dir.resolve("locked.csv");
        Files.writeString(table, "1,2\n3,4\n5,6\n");
        assertThat(table.toFile().setReadable(false, false)).isTrue();
        Assumptions.assumeFalse(Files.isReadable(table), "the test runs as a user who reads every file (root)");

        refused(table).hasMessage("genzoo may not read " + table + "; check its permissions");
    }

    @Test
    void aTruncatedPngIsNamed() throws IOException {
        Path images = images("images");
        Path png = images.resolve("1.png");
        byte[] whole = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(whole, whole.length / 2));

        refused(images).hasMessageStartingWith(png + " is damaged or truncated");
    }

    @Test
    void aTextFileAmongTheImagesIsNamed() throws IOException {
        Path images = images("images");
        Path notes = images.resolve("notes.txt");
        Files.writeString(notes, "taken on a sunny day");

        refused(images).hasMessageStartingWith(notes + " is not an image");
    }

    @Test
    void aTextFileNamedAsAnImageIsNamed() throws IOException {
        Path images = images("images");
        Path fake = images.resolve("fake.png");
        Files.writeString(fake, "taken on a sunny day");

        refused(images).hasMessageStartingWith(fake + " is not an image genzoo can read");
    }

    @Test
    void imagesOfDifferentSizesWithoutAnImageSizeAreNamedBoth() throws IOException {
        Path images = images("images");
        Path wide = ImageFiles.rgb(images.resolve("wide.png"), 20, 16, (x, y) -> 0);

        refused(images)
                .hasMessage(wide + " is 20x16 but " + images.resolve("0.png")
                        + " is 16x16; give --image-size N to resize every image to N x N");
    }

    @Test
    void anEmptyFolderIsNamed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        refused(empty).hasMessageStartingWith("the folder " + empty + " holds no images");
    }

    @Test
    void anArrayOfPythonObjectsIsRefusedUnread() throws IOException {
        Path file = dir.resolve("objects.npy");
        // what np.save writes for an object array: descr '|O', then a pickle
        byte[] pickle = "\u0080\u0004cos\nsystem\n(S'echo owned'\ntR.".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, NpyBytes.npy("|O", false, "(2,)", pickle));

        refused(file).hasMessageStartingWith(file + " holds Python objects (dtype '|O')");
    }

    @Test
    void aFileOfNoKindGenzooReadsIsNamedWithTheKindsItReads() throws IOException {
        Path file = dir.resolve("table.tsv");
        Files.writeString(file, "a\tb\n1\t2\n3\t4\n");

        refused(file)
                .hasMessage(file + " is not a data file genzoo reads (a folder of images, a .npy or .npz array, a .csv"
                        + " table, or an IDX image file, raw or gzipped)");
    }

    @Test
    void aRaggedRowIsNamedByItsLine() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n");

        refused(file).hasMessage(file + " line 4 has 2 columns, but line 1 has 3");
    }

    @Test
    void aFieldThatIsNotANumberIsNamedByLineAndColumn() throws IOException {
        Path file = dir.resolve("words.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,five,6\n7,8,9\n");

        refused(file).hasMessage(file + " line 3 column 2: 'five' is not a number");
    }

    @Test
    void aTruncatedArrayIsNamedWithTheExampleItEndsIn() throws IOException {
        Path file = dir.resolve("short.npy");
        byte[] whole = NpyBytes.uint8("(4, 3)", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Files.write(file, Arrays.copyOf(whole, whole.length - 2));

        refused(file).hasMessageStartingWith(file + " is truncated").hasMessageEndingWith("inside example 3");
    }
}
