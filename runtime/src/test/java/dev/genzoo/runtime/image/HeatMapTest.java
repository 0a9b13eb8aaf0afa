package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HeatMapTest {
    @TempDir
    Path dir;

    @Test
    void cellsAreScaledAndTheExtremesGetTheEndsOfTheRamp() {
        Path file = dir.resolve("density.png");
        HeatMap.write(file, new double[] {1, 2, 3, 4, 5, 6}, 2, 3, 4);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(12);
        assertThat(image.getHeight()).isEqualTo(8);
        assertThat(Pictures.count(image, Colours.ramp(0), 0, 0, 12, 8)).isEqualTo(16);
        assertThat(Pictures.rgb(image, 0, 0)).isEqualTo(Colours.ramp(0));
        assertThat(Pictures.rgb(image, 11, 7)).isEqualTo(Colours.ramp(1));
        assertThat(Pictures.rgb(image, 4, 3)).isEqualTo(Colours.ramp(0.2));
        assertThat(Pictures.rgb(image, 3, 4)).isEqualTo(Colours.ramp(0.6));
    }

    @Test
    void rowZeroIsAtTheTop() {
        Path file = dir.resolve("rows.png");
        HeatMap.write(file, new double[] {9, 0}, 2, 1, 3);
        BufferedImage image = Pictures.read(file);
        assertThat(Pictures.rgb(image, 1, 1)).isEqualTo(Colours.ramp(1));
        assertThat(Pictures.rgb(image, 1, 4)).isEqualTo(Colours.ramp(0));
    }

    @Test
    void nanAndInfinityAreBlackAndDoNotStretchTheScale() {
        Path file = dir.resolve("holes.png");
        HeatMap.write(file, new double[] {0, Double.NaN, Double.POSITIVE_INFINITY, 1}, 2, 2, 1);
        BufferedImage image = Pictures.read(file);
        assertThat(Pictures.rgb(image, 0, 0)).isEqualTo(Colours.ramp(0));
        assertThat(Pictures.rgb(image, 1, 0)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 0, 1)).isEqualTo(0x000000);
        assertThat(Pictures.rgb(image, 1, 1)).isEqualTo(Colours.ramp(1));
    }

    @Test
    void aFlatFieldTakesTheMiddleColour() {
        Path file = dir.resolve("flat.png");
        HeatMap.write(file, new double[] {3, 3, 3}, 1, 3, 2);
        assertThat(Pictures.count(Pictures.read(file), Colours.ramp(0.5), 0, 0, 6, 2))
                .isEqualTo(12);
    }
}
