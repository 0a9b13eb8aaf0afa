package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        // 8x8 digits are upscaled 8 times to 64x64; 3 columns and 2 rows with 2-pixel lines around every cell.
        BufferedImage image = Pictures.read(small);
        assertThat(image.getWidth()).isEqualTo(3 * 64 + 4 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * 64 + 3 * 2);

        Path mnist = dir.resolve("mnist.png");
        ImageGrid.write(mnist, new float[2 * 28 * 28], 2, 1, 28, 28, 2);
        // 28x28 MNIST digits are upscaled 3 times to 84x84
        BufferedImage digits = Pictures.read(mnist);
        assertThat(digits.getWidth()).isEqualTo(2 * 84 + 3 * 2);
        assertThat(digits.getHeight()).isEqualTo(84 + 2 * 2);

        Path large = dir.resolve("large.png");
        ImageGrid.write(large, new float[70 * 33], 1, 1, 70, 33, 1);
        assertThat(Pictures.read(large).getHeight()).isEqualTo(70 + 2 * 2);
    }

    @Test
    void cellsShowTheirImagesUpscaledByNearestNeighbourBetweenGreySeparators() {
        float[] images = new float[3 * 4 * 4];
        Arrays.fill(images, 16, 32, 1f);
        images[32 + 1 * 4 + 2] = 1f;
        Path file = dir.resolve("grid.png");
        ImageGrid.write(file, images, 3, 1, 4, 4, 3);
        BufferedImage image = Pictures.read(file);
        // 4x4 images become 64x64 cells (16 pixels per image pixel) starting at x = 2, 68, 134.
        assertThat(Pictures.rgb(image, 2 + 32, 2 + 32)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 68 + 32, 2 + 32)).isEqualTo(0xFFFFFF);
        int left = 134 + 2 * 16;
        int top = 2 + 16;
        assertThat(Pictures.count(image, 0xFFFFFF, 134, 2, 134 + 64, 2 + 64)).isEqualTo(16 * 16);
        assertThat(Pictures.rgb(image, left, top)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, left + 15, top + 15)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, left - 1, top)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, left + 16, top + 15)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 0, 0)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 1, 20)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 66, 20)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 67, 20)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 20, 67)).isEqualTo(GREY);
    }

    @Test
    void nanIsMarkedRedAndValuesOutsideTheUnitIntervalAreClamped() {
        Path file = dir.resolve("clamp.png");
        ImageGrid.write(file, new float[] {Float.NaN, -0.5f, 2f, 0.25f}, 1, 1, 1, 4, 1);
        BufferedImage image = Pictures.read(file);
        // A 1x4 image is upscaled 64 times; pixel k covers x in [2 + 64k, 66 + 64k).
        assertThat(Pictures.rgb(image, 2 + 32, 34)).isEqualTo(RED);
        assertThat(Pictures.rgb(image, 66 + 32, 34)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 130 + 32, 34)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, 194 + 32, 34)).isEqualTo(0x404040);
    }

    @Test
    void colourImagesAreChannelFirstAndNanInAnyChannelIsMarked() {
        Path file = dir.resolve("rgb.png");
        float[] images = {1f, 0f, 0.5f, 0.5f, 0f, Float.NaN};
        ImageGrid.write(file, images, 1, 3, 1, 2, 1);
        BufferedImage image = Pictures.read(file);
        assertThat(Pictures.rgb(image, 2 + 32, 34)).isEqualTo(0xFF8000);
        assertThat(Pictures.rgb(image, 66 + 32, 34)).isEqualTo(RED);
    }

    @Test
    void aShortLastRowLeavesItsEmptyCellsGrey() {
        float[] images = new float[4 * 8 * 8];
        Arrays.fill(images, 1f);
        Path file = dir.resolve("short.png");
        ImageGrid.write(file, images, 4, 1, 8, 8, 3);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(3 * 64 + 4 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * 64 + 3 * 2);
        assertThat(Pictures.rgb(image, 2 + 32, 68 + 32)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, 68 + 32, 68 + 32)).isEqualTo(GREY);
        assertThat(Pictures.rgb(image, 134 + 32, 68 + 32)).isEqualTo(GREY);
    }

    @Test
    void moreColumnsThanImagesShrinkTheGridToTheImages() {
        Path file = dir.resolve("wide.png");
        ImageGrid.write(file, new float[2 * 8 * 8], 2, 1, 8, 8, 10);
        assertThat(Pictures.read(file).getWidth()).isEqualTo(2 * 64 + 3 * 2);
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
        assertThat(image.getWidth()).isEqualTo(2 * 64 + 3 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * 64 + 3 * 2);
        assertThat(Pictures.rgb(image, 2 + 32, 2 + 32)).isEqualTo(0x404040);
        assertThat(Pictures.rgb(image, 68 + 32, 2 + 32)).isEqualTo(0xBFBFBF);
        assertThat(Pictures.rgb(image, 2 + 32, 68 + 32)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 68 + 32, 68 + 32)).isEqualTo(0xFFFFFF);
    }

    @Test
    void groupsGetAHeaderAndACaptionOverEachColumnAndCellsWideEnoughForIt() {
        float[] data = new float[2 * 8 * 8];
        float[] target = new float[2 * 8 * 8];
        float[] model = new float[2 * 8 * 8];
        Arrays.fill(target, 1f);
        Arrays.fill(model, 0.5f);
        Path file = dir.resolve("groups.png");
        String wide = "reconstruction";
        ImageGrid.writeGroups(
                file,
                List.of(data, target, model),
                2,
                1,
                8,
                8,
                2,
                new ImageGrid.Labels("a header", List.of("data", "target", wide), false));
        BufferedImage image = Pictures.read(file);
        // "reconstruction" is 83 pixels wide: 8x8 cells become 12 times larger, 96 pixels a side
        int cell = 96;
        int line = BitmapFont.HEIGHT + 2 * 4;
        assertThat(image.getWidth()).isEqualTo(6 * cell + 7 * 2);
        assertThat(image.getHeight()).isEqualTo(2 * line + cell + 2 * 2);
        // the header's and captions' ink lies above the grid, on white
        assertThat(Pictures.count(image, Colours.INK, 0, 0, image.getWidth(), line))
                .isPositive();
        for (int column = 0; column < 6; column++) {
            int left = 2 + column * (cell + 2);
            assertThat(Pictures.count(image, Colours.INK, left, line, left + cell, 2 * line))
                    .as("caption of column %d", column)
                    .isPositive();
        }
        int top = 2 * line + 2;
        assertThat(Pictures.rgb(image, 2 + cell / 2, top + cell / 2)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 2 + cell + 2 + cell / 2, top + cell / 2)).isEqualTo(0xFFFFFF);
        assertThat(Pictures.rgb(image, 2 + 2 * (cell + 2) + cell / 2, top + cell / 2))
                .isEqualTo(0x808080);
    }

    @Test
    void captionsBelowGoUnderTheCells() {
        Path file = dir.resolve("strip.png");
        ImageGrid.write(
                file,
                new float[3 * 8 * 8],
                3,
                1,
                8,
                8,
                3,
                new ImageGrid.Labels("", List.of("t = 2", "t = 1", "t = 0"), true));
        BufferedImage image = Pictures.read(file);
        int grid = 64 + 2 * 2;
        assertThat(image.getHeight()).isEqualTo(grid + BitmapFont.HEIGHT + 2 * 4);
        assertThat(Pictures.count(image, Colours.INK, 0, 0, image.getWidth(), grid))
                .isZero();
        assertThat(Pictures.count(image, Colours.INK, 0, grid, image.getWidth(), image.getHeight()))
                .isPositive();
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
                .hasMessageContaining("4");
        assertThat(file).doesNotExist();
    }
}
