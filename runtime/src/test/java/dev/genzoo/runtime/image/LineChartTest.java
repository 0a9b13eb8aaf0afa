package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LineChartTest {
    private static final double[] EPOCHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @TempDir
    Path dir;

    @Test
    void twoSeriesAreDrawnInTheirOwnColoursAtTheRequestedSize() {
        Path file = dir.resolve("loss.png");
        LineChart.builder("Loss")
                .xLabel("epoch")
                .yLabel("nats")
                .series("train", EPOCHS, new double[] {100, 80, 65, 52, 44, 38, 33, 30, 28, 27})
                .series("test", EPOCHS, new double[] {110, 92, 80, 70, 63, 58, 55, 53, 52, 51.5})
                .size(480, 300)
                .build()
                .write(file);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(300);
        // Both curves cross the middle of the picture, far left of the legend.
        assertThat(middleColumn(image, Colours.series(0))).isPositive();
        assertThat(middleColumn(image, Colours.series(1))).isPositive();
        assertThat(middleColumn(image, Colours.series(2))).isZero();
    }

    @Test
    void nanAndInfinitePointsAreSkippedAndBreakTheLine() {
        Path file = dir.resolve("nan.png");
        double[] y = {Double.NaN, 5, 4, 3, Double.POSITIVE_INFINITY, 2.5, 2, 1.8, 1.7, Double.NaN};
        LineChart.builder("with gaps").series("train", EPOCHS, y).build().write(file);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        // The x axis runs from 0 to 10: a quarter of the way across lies between epochs 2 and 3,
        // the middle lies in the gap that the infinite loss at epoch 5 leaves from 4 to 6.
        int quarter = image.getWidth() / 4;
        assertThat(Pictures.count(image, Colours.series(0), quarter, 0, quarter + 1, 400))
                .isPositive();
        assertThat(middleColumn(image, Colours.series(0))).isZero();
    }

    @Test
    void aConstantSeriesIsDrawnAcrossTheMiddle() {
        Path file = dir.resolve("flat.png");
        LineChart.builder("flat").series("loss", EPOCHS, new double[10]).build().write(file);
        assertThat(middleRows(Pictures.read(file), Colours.series(0))).isPositive();
    }

    @Test
    void aSinglePointIsDrawnAsAMarker() {
        Path file = dir.resolve("one.png");
        LineChart.builder("one epoch")
                .series("loss", new double[] {1}, new double[] {-85.3})
                .build()
                .write(file);
        BufferedImage image = Pictures.read(file);
        assertThat(middleRows(image, Colours.series(0))).isGreaterThanOrEqualTo(9);
    }

    @Test
    void chartsWithoutPointsStillHaveAxes() {
        Path none = dir.resolve("none.png");
        LineChart.builder("nothing yet").build().write(none);
        BufferedImage image = Pictures.read(none);
        assertThat(Pictures.count(image, Colours.INK, 0, 0, 640, 400)).isGreaterThan(1000);

        Path empty = dir.resolve("empty.png");
        LineChart.builder("all NaN")
                .series("loss", new double[] {1, 2}, new double[] {Double.NaN, Double.NaN})
                .series("none", new double[0], new double[0])
                .build()
                .write(empty);
        assertThat(Pictures.read(empty).getWidth()).isEqualTo(640);
    }

    @Test
    void theLegendMovesToACornerTheDataLeaveFree() {
        double[] x = {0, 10};
        Path falling = dir.resolve("falling.png");
        LineChart.builder("").series("loss", x, new double[] {10, 0}).build().write(falling);
        Path rising = dir.resolve("rising.png");
        LineChart.builder("")
                .series("accuracy", x, new double[] {0, 10})
                .build()
                .write(rising);
        // Away from the frame, ink in the plot's upper corners can only be the legend's box and text.
        assertThat(inkTopLeft(Pictures.read(falling))).isZero();
        assertThat(inkTopRight(Pictures.read(falling))).isPositive();
        assertThat(inkTopLeft(Pictures.read(rising))).isPositive();
        assertThat(inkTopRight(Pictures.read(rising))).isZero();
    }

    @Test
    void mismatchedSeriesAndTinyPicturesAreRefused() {
        assertThatThrownBy(() -> LineChart.builder("t").series("a", new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> LineChart.builder("t").size(100, 400))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 x 400");
    }

    private static int inkTopLeft(BufferedImage image) {
        return Pictures.count(image, Colours.INK, 45, 38, 320, 200);
    }

    private static int inkTopRight(BufferedImage image) {
        return Pictures.count(image, Colours.INK, 320, 38, 600, 200);
    }

    /** Pixels of a colour in the three middle columns. */
    private static int middleColumn(BufferedImage image, int rgb) {
        int x = image.getWidth() / 2;
        return Pictures.count(image, rgb, x - 1, 0, x + 2, image.getHeight());
    }

    /** Pixels of a colour in a band around the middle row, below any legend. */
    private static int middleRows(BufferedImage image, int rgb) {
        int y = image.getHeight() / 2;
        return Pictures.count(image, rgb, 0, y - 30, image.getWidth(), y + 30);
    }
}
