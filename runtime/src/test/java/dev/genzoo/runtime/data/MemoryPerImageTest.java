package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images are held on the host as one byte per value: N colour images of 32x32 take N * 3072 bytes. */
final class MemoryPerImageTest {
    @TempDir
    Path dir;

    @Test
    void anArrayOfBytesTakesItsBytesAndOneOfFloatsFourTimesThat() throws IOException {
        int n = 20;
        Path bytes = dir.resolve("u8.npy");
        Path floats = dir.resolve("f4.npy");
        Files.write(bytes, NpyBytes.npy("|u1", false, "(20, 3, 32, 32)", new byte[n * 3072]));
        Files.write(floats, NpyBytes.npy("<f4", false, "(20, 3, 32, 32)", new byte[4 * n * 3072]));

        DataSplit u8 = DataSources.load(bytes.toString());
        DataSplit f4 = DataSources.load(floats.toString());

        assertThat(u8.train().valueBytes() + u8.test().valueBytes()).isEqualTo(n * 3072L);
        assertThat(f4.train().valueBytes() + f4.test().valueBytes()).isEqualTo(4 * n * 3072L);
    }

    @Test
    void aFolderOfColourImagesTakesOneBytePerValue() {
        int n = 6;
        for (int i = 0; i < n; i++) {
            int level = i;
            ImageFiles.rgb(dir.resolve(i + ".png"), 32, 32, (x, y) -> level << 16 | x << 8 | y);
        }

        DataSplit split = DataSources.load(dir.toString());

        assertThat(split.train().exampleShape().getShape()).containsExactly(3, 32, 32);
        assertThat(split.train().valueBytes() + split.test().valueBytes()).isEqualTo(n * 3072L);
    }
}
