package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IdxDirectoryTest {
    @TempDir
    Path dir;

    private void write(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    @Test
    void trainFromTrainFilesTestFromT10kFiles() throws IOException {
        byte[] trainPixels = IdxBytes.ramp(3 * 2 * 4, 1);
        byte[] testPixels = IdxBytes.ramp(2 * 2 * 4, 200);
        write("train-images-idx3-ubyte", IdxBytes.images(3, 2, 4, trainPixels));
        write("train-labels-idx1-ubyte.gz", IdxBytes.gzip(IdxBytes.labels(4, 0, 9)));
        write("t10k-images-idx3-ubyte.gz", IdxBytes.gzip(IdxBytes.images(2, 2, 4, testPixels)));
        write("t10k-labels-idx1-ubyte", IdxBytes.labels(7, 7));

        DataSplit split = DataSources.load(dir.toString());

        assertThat(split.train().size()).isEqualTo(3);
        assertThat(split.test().size()).isEqualTo(2);
        assertThat(split.train().exampleShape().getShape()).containsExactly(1, 2, 4);
        assertThat(split.train().labels().orElseThrow()).containsExactly(4, 0, 9);
        assertThat(split.test().labels().orElseThrow()).containsExactly(7, 7);
        assertThat(split.test().values()[5]).isEqualTo((testPixels[5] & 0xFF) / 255f);
        assertThat(split.train().values()[23]).isEqualTo((trainPixels[23] & 0xFF) / 255f);
    }

    @Test
    void labelsAreOptional() throws IOException {
        write("train-images-idx3-ubyte", IdxBytes.images(1, 1, 1, new byte[] {(byte) 255}));
        write("t10k-images-idx3-ubyte", IdxBytes.images(1, 1, 1, new byte[] {0}));

        DataSplit split = DataSources.load(dir.toString());

        assertThat(split.train().labels()).isEmpty();
        assertThat(split.train().values()).containsExactly(1f);
        assertThat(split.test().values()).containsExactly(0f);
    }

    @Test
    void missingImageFilesAreNamedWithTheDirectory() throws IOException {
        write("train-images-idx3-ubyte", IdxBytes.images(1, 1, 1, new byte[1]));

        assertThatThrownBy(() -> DataSources.load(dir.toString()))
                .isInstanceOf(GenzooException.class)
                .hasMessage("the directory " + dir + " holds no t10k-images-idx3-ubyte (raw, or"
                        + " gzipped with a .gz suffix), which an MNIST-style data"
                        + " directory needs");
    }

    @Test
    void emptyDirectoryIsReadAsAnEmptyImageFolder() {
        assertThatThrownBy(() -> DataSources.load(dir.toString())).hasMessageContaining("holds no images");
    }

    @Test
    void labelCountDifferingFromImageCountIsRefused() throws IOException {
        write("train-images-idx3-ubyte", IdxBytes.images(3, 1, 2, new byte[6]));
        write("train-labels-idx1-ubyte", IdxBytes.labels(1, 2));
        write("t10k-images-idx3-ubyte", IdxBytes.images(1, 1, 2, new byte[2]));

        assertThatThrownBy(() -> DataSources.load(dir.toString()))
                .isInstanceOf(GenzooException.class)
                .hasMessage(dir.resolve("train-labels-idx1-ubyte") + " holds 2 labels but "
                        + dir.resolve("train-images-idx3-ubyte")
                        + " holds 3 images; they must be one label per image");
    }

    @Test
    void trainAndTestImagesMustBeTheSameSize() throws IOException {
        write("train-images-idx3-ubyte", IdxBytes.images(1, 2, 2, new byte[4]));
        write("t10k-images-idx3-ubyte", IdxBytes.images(1, 3, 3, new byte[9]));

        assertThatThrownBy(() -> DataSources.load(dir.toString()))
                .hasMessageContaining("are (1, 2, 2) but those in")
                .hasMessageEndingWith("are (1, 3, 3); train and test images must be the same size");
    }
}
