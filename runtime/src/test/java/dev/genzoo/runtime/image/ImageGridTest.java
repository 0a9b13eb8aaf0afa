package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ImageGridTest {
    private static final int GREY = 0x808080;
    private static final int RED = 0xFF0000;

    @TempDir
    Path dir;

    @Test
    void sizeIsCellsTimesUpscalingPlusSeparators() {
        Path small = dir.resolve("small.png");
        ImageGrid.write(small, new float[5 * 8 * 8], 5, 1, 8, 8, 3);
        // 8x8 is upscaled 4 times to 32x32; 3 columns and 2 rows with 2-pixel lines around every cell.
        BufferedImage image = Pictures.read(small);
        assertThat(image.getWidth()).isEqualTo(3 * 32 + 4 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * 32 + 3 * 2);

        Path mnist = dir.resolve("mnist.png");
        ImageGrid.write(mnist, new float[2 * 28 * 28], 2, 1, 28, 28, 2);
        BufferedImage digits = Pictures.read(mnist);
        assertThat(digits.getWidth()).isEqualTo(2 * 56 + 3 * 2);
        assertThat(digits.getHeight()).isEqualTo(56 + 2 * 2);

        Path large = dir.resolve("large.png");
        ImageGrid.write(large, new float[40 * 33], 1, 1, 40, 33, 1);
        assertThat(Pictures.read(large).getHeight()).isEqualTo(40 + 2 * 2);
    }

    @Test
    void cellsShowTheirImagesUpscaledBetweenGreySeparators() {
        float[] images = new float[3 * 4 * 4];
        Arrays.fill(images, 16, 32, 1f);
        images[32 + 1 * 4 + 2] = 1f;
        Path file = dir.resolve("grid.png");
        ImageGrid.write(file, images, 3, 1, 4, 4, 3);
        BufferedImage image = Pictures.read(file);
        // 4x4 images become 32x32 cells (8 pixels per image pixel) starting at x = 2, 36, 70.
        assertThat(Pictures.rgb(image, 2 + 16, 2 + 16)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 36 + 16, 2 + 16)).isEqualTo(0xFFFFFF);
        int left = 70 + 2 * 8;
        int top = 2 + 8;
        assertThat(Pictures.count(image, 0xFFFFFF, 70, 2, 70 + 32, 2 + 32)).isEqualTo(8 * 8);
        assertThat(Pictures.rgb(image, left, top)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, left + 7, top + 7)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, left - 1, top)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, left + 8, top + 7)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 0, 0)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 1, 20)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 34, 20)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 35, 20)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 20, 35)).isEqualTo(GREY);
    }

    @Test
    void nanIsMarkedRedAndValuesOutsideTheUnitIntervalAreClamped() {
        Path file = dir.resolve("clamp.png");
        ImageGrid.write(file, new float[] {Float.NaN, -0.5f, 2f, 0.25f}, 1, 1, 1, 4, 1);
        BufferedImage image = Pictures.read(file);
        // A 1x4 image is upscaled 32 times; pixel k covers x in [2 + 32k, 34 + 32k).
        assertThat(Pictures.rgb(image, 2 + 16, 18)).isEqualTo(RED);
        assertThat(Pictures.rgb(image, 34 + 16, 18)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 66 + 16, 18)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, 98 + 16, 18)).isEqualTo(0x404040);
    }

    @Test
    void colourImagesAreChannelFirstAndNanInAnyChannelIsMarked() {
        Path file = dir.resolve("rgb.png");
        float[] images = {1f, 0f, 0.5f, 0.5f, 0f, Float.NaN};
        ImageGrid.write(file, images, 1, 3, 1, 2, 1);
        BufferedImage image = Pictures.read(file);
        assertThat(Pictures.rgb(image, 2 + 16, 18)).isEqualTo(0xFF8000);
        assertThat(Pictures.rgb(image, 34 + 16, 18)).isEqualTo(RED);
    }

    @Test
    void aShortLastRowLeavesItsEmptyCellsGrey() {
        float[] images = new float[4 * 8 * 8];
        Arrays.fill(images, 1f);
        Path file = dir.resolve("short.png");
        ImageGrid.write(file, images, 4, 1, 8, 8, 3);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(3 * 32 + 4 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * 32 + 3 * 2);
        assertThat(Pictures.rgb(image, 2 + 16, 36 + 16)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, 36 + 16, 36 + 16)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 70 + 16, 36 + 16)).isEqualTo(GREY);
    }

    @Test
    void moreColumnsThanImagesShrinkTheGridToTheImages() {
        Path file = dir.resolve("wide.png");
        ImageGrid.write(file, new float[2 * 8 * 8], 2, 1, 8, 8, 10);
        assertThat(Pictures.read(file).getWidth()).isEqualTo(2 * 32 + 3 * 2);
    }

    @Test
    void pairsPutEachInputLeftOfItsReconstruction() {
        float[] inputs = new float[2 * 8 * 8];
        float[] reconstructions = new float[2 * 8 * 8];
        Arrays.fill(inputs, 0, 64, 0.25f);
        Arrays.fill(reconstructions, 0, 64, 0.75f);
        Arrays.fill(reconstructions, 64, 128, 1f);
        Path file = dir.resolve("pairs.png");
        ImageGrid.writePairs(file, inputs, reconstructions, 2, 1, 8, 8, 1);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(2 * 32 + 3 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * 32 + 3 * 2);
        assertThat(Pictures.rgb(image, 2 + 16, 2 + 16)).isEqualTo(0x404040);
        assertThat(Pictures.rgb(image, 36 + 16, 2 + 16)).isEqualTo(0xBFBFBF);
        assertThat(Pictures.rgb(image, 2 + 16, 36 + 16)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 36 + 16, 36 + 16)).isEqualTo(0xFFFFFF);
    }

    @Test
    void shapesThatDoNotMatchTheValuesAreRefused() {
        Path file = dir.resolve("bad.png");
        assertThatThrownBy(() -> ImageGrid.write(file, new float[10], 1, 1, 3, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9");
        assertThatThrownBy(() -> ImageGrid.write(file, new float[8], 1, 2, 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels");
        assertThatThrownBy(() -> ImageGrid.writePairs(file, new float[4], new float[3], 1, 1, 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconstructions");
        assertThat(file).doesNotExist();
    }
}
