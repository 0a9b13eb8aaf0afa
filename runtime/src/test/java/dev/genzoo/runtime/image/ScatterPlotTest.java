package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScatterPlotTest {
    private static final double[] SQUARE = {-1, 1, -1, 1};

    @TempDir
    Path dir;

    @Test
    void pointsLandWhereTheirCoordinatesSayWithYUpwards() {
        Path file = dir.resolve("scatter.png");
        ScatterPlot.write(file, new float[] {0, 0, -1, -1}, new float[] {0.5f, 0.5f}, SQUARE, 101);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(101);
        assertThat(image.getHeight()).isEqualTo(101);
        assertThat(Pictures.rgb(image, 50, 50)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, 51, 49)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, 0, 100)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, 75, 25)).isEqualTo(Colours.series(1));
        assertThat(Pictures.rgb(image, 25, 75)).isEqualTo(Colours.PAPER);
        assertThat(Pictures.count(image, Colours.series(1), 0, 0, 101, 101)).isEqualTo(9);
    }

    @Test
    void theMainSetIsDrawnOverTheOther() {
        Path file = dir.resolve("overlap.png");
        ScatterPlot.write(file, new float[] {0.2f, -0.2f}, new float[] {0.2f, -0.2f}, SQUARE, 51);
        BufferedImage image = Pictures.read(file);
        assertThat(Pictures.count(image, Colours.series(0), 0, 0, 51, 51)).isEqualTo(9);
        assertThat(Pictures.count(image, Colours.series(1), 0, 0, 51, 51)).isZero();
    }

    @Test
    void pointsOutsideTheBoundsOrNotFiniteAreSkipped() {
        Path file = dir.resolve("outside.png");
        ScatterPlot.write(
                file, new float[] {2, 0, 0, -1.5f, Float.NaN, 0, 0, Float.POSITIVE_INFINITY}, null, SQUARE, 40);
        BufferedImage image = Pictures.read(file);
        assertThat(Pictures.count(image, Colours.series(0), 0, 0, 40, 40)).isZero();
        assertThat(Pictures.count(image, Colours.GRID, 0, 0, 40, 40)).isPositive();
    }

    @Test
    void unusableArgumentsAreRefused() {
        Path file = dir.resolve("bad.png");
        assertThatThrownBy(() -> ScatterPlot.write(file, new float[3], null, SQUARE, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
        assertThatThrownBy(() -> ScatterPlot.write(file, new float[2], null, new double[] {1, 1, 0, 1}, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmin < xmax");
        assertThatThrownBy(() -> ScatterPlot.write(file, new float[2], null, SQUARE, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 x 8");
    }

    @Test
    void aStripDrawsOnePanelPerFrameOverTheSameBounds() {
        Path file = dir.resolve("strip.png");
        ScatterPlot.writeStrip(
                file,
                java.util.List.of(new float[] {0, 0}, new float[] {0.5f, 0.5f}, new float[] {-1, -1}),
                new float[] {0.5f, -0.5f},
                SQUARE,
                21);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(3 * 21 + 2 * 2);
        assertThat(image.getHeight()).isEqualTo(21);
        assertThat(Pictures.rgb(image, 10, 10)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, 23 + 15, 5)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, 46, 20)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, 21, 10)).isEqualTo(Colours.SEPARATOR);
        for (int panel = 0; panel < 3; panel++) {
            assertThat(Pictures.count(image, Colours.series(1), panel * 23, 0, panel * 23 + 21, 21))
                    .as("panel %d", panel)
                    .isPositive();
        }
        assertThatThrownBy(() -> ScatterPlot.writeStrip(file, java.util.List.of(), null, SQUARE, 21))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
