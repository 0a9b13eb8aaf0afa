package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resize rule on images whose result is known by hand: the shorter side scaled to N by a
 * triangle filter as wide as the scale, then the centre cut out. Images are read through a folder
 * with {@code --image-size}, so the rule is tested where it is used.
 */
final class ImageResamplingTest {
    @TempDir
    Path dir;

    /** The folder's images resized to N x N, the first of the training part as unsigned levels. */
    private int[][] firstImage(int size) {
        DataOptions defaults = DataOptions.defaults(dir.toString());
        DataOptions options = new DataOptions(
                defaults.source(), size, 1, 0xFFFFFF, 0.5, defaults.labelColumn(), "x", "y", defaults.cache());
        DataSplit split = DataSources.load(options, DecodingProgress.NONE);
        assertThat(split.train().exampleShape().getShape()).containsExactly(1, size, size);
        byte[] bytes = split.train().bytes();
        int[][] image = new int[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image[y][x] = bytes[y * size + x] & 0xFF;
            }
        }
        return image;
    }

    @Test
    void aWideImageOfTwoHalvesKeepsItsCentreWithTheEdgeFilteredOverTwoColumns() throws IOException {
        // 64 x 32, left half 0, right half 200. Scaled by 1/2 to 32 x 16, columns 8..23 kept: output
        // column j is centred on source x = 16 + 2 (j + 0.5), its tent of radius 2 weighing the pixels
        // centred 0.5 and 1.5 away by 3/4 and 1/4. Column 7 (centre 31): 200 * (1/4) / 2 = 25;
        // column 8 (centre 33): 200 * (1/4 + 3/4 + 3/4) / 2 = 175.
        ImageFiles.grey(dir.resolve("a.png"), 64, 32, (x, y) -> x < 32 ? 0 : 200);
        ImageFiles.grey(dir.resolve("b.png"), 64, 32, (x, y) -> x < 32 ? 0 : 200);

        int[][] image = firstImage(16);

        int[] expected = {0, 0, 0, 0, 0, 0, 0, 25, 175, 200, 200, 200, 200, 200, 200, 200};
        for (int[] row : image) {
            assertThat(row).containsExactly(expected);
        }
    }

    @Test
    void aTallImageIsCutToItsCentreRows() throws IOException {
        // 32 wide, 64 high: the same halves turned, top 0 and bottom 200
        ImageFiles.grey(dir.resolve("a.png"), 32, 64, (x, y) -> y < 32 ? 0 : 200);
        ImageFiles.grey(dir.resolve("b.png"), 32, 64, (x, y) -> y < 32 ? 0 : 200);

        int[][] image = firstImage(16);

        int[] expected = {0, 0, 0, 0, 0, 0, 0, 25, 175, 200, 200, 200, 200, 200, 200, 200};
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                assertThat(image[y][x]).as("(%d, %d)", x, y).isEqualTo(expected[y]);
            }
        }
    }

    @Test
    void aConstantImageStaysConstantShrunkOrEnlarged() throws IOException {
        ImageFiles.grey(dir.resolve("a.png"), 37, 23, (x, y) -> 123);
        ImageFiles.grey(dir.resolve("b.png"), 5, 3, (x, y) -> 123);

        for (int size : new int[] {10, 8}) {
            DataOptions defaults = DataOptions.defaults(dir.toString());
            DataOptions options = new DataOptions(
                    defaults.source(), size, 1, 0xFFFFFF, 0.5, defaults.labelColumn(), "x", "y", defaults.cache());
            DataSplit split = DataSources.load(options, DecodingProgress.NONE);
            for (Dataset part : new Dataset[] {split.train(), split.test()}) {
                assertThat(part.bytes()).hasSize(size * size).containsOnly(123);
            }
        }
    }

    @Test
    void halvingACheckerboardAveragesItToGreyWhereNearestNeighbourWouldKeepBlackOrWhite() throws IOException {
        // 1-pixel squares of 0 and 255; each output pixel's tent weighs two of each kind per axis
        // equally (1/4, 3/4, 3/4, 1/4), so every pixel whose tent lies inside the image is 127.5
        ImageFiles.grey(dir.resolve("a.png"), 16, 16, (x, y) -> (x + y) % 2 == 0 ? 0 : 255);
        ImageFiles.grey(dir.resolve("b.png"), 16, 16, (x, y) -> (x + y) % 2 == 0 ? 0 : 255);

        int[][] image = firstImage(8);

        for (int y = 1; y < 7; y++) {
            for (int x = 1; x < 7; x++) {
                assertThat(image[y][x]).as("(%d, %d)", x, y).isBetween(127, 128);
            }
        }
    }

    @Test
    void planesAreResizedAlike() {
        // two planes, one a copy of the other times two: the filter is linear
        int h = 6;
        int w = 9;
        float[] planes = new float[2 * h * w];
        for (int i = 0; i < h * w; i++) {
            planes[i] = (i * 37) % 101;
            planes[h * w + i] = 2 * planes[i];
        }

        float[] out = ImageResampling.resize(planes, 2, h, w, 4);

        assertThat(out).hasSize(2 * 16);
        for (int i = 0; i < 16; i++) {
            assertThat(out[16 + i]).isCloseTo(2 * out[i], offset(1e-3f));
        }
    }
}
