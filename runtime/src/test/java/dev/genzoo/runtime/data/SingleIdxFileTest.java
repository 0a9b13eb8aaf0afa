package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SingleIdxFileTest {
    @TempDir
    Path dir;

    @Test
    void holdsOutASixthDisjointlyAndTheSameEachTime() throws IOException {
        // 60 one-pixel images with distinct values, so each value names its image.
        byte[] pixels = new byte[60];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (4 * i);
        }
        byte[] gzipped = IdxBytes.gzip(IdxBytes.images(60, 1, 1, pixels));
        Path file = Files.write(dir.resolve("images.gz"), gzipped);

        DataSplit split = DataSources.load(file.toString());
        DataSplit again = DataSources.load(file.toString());

        assertThat(split.train().size()).isEqualTo(50);
        assertThat(split.test().size()).isEqualTo(10);
        Set<Float> seen = new HashSet<>();
        for (float v : split.train().values()) {
            seen.add(v);
        }
        for (float v : split.test().values()) {
            assertThat(seen.add(v)).as("test value %s also in train", v).isTrue();
        }
        assertThat(seen).hasSize(60);
        assertThat(again.test().values()).containsExactly(split.test().values());
    }

    @Test
    void oneImageCannotBeSplit() throws IOException {
        Path file = Files.write(dir.resolve("one"), IdxBytes.images(1, 2, 2, new byte[4]));

        assertThatThrownBy(() -> DataSources.load(file.toString()))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith(file + " holds only one image");
    }
}
