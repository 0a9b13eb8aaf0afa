package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures of the plane: a title, axes with ticks, a legend, captions and a colour bar around the data. */
final class PointFigureTest {
    private static final double[] SQUARE = {-2, 2, -2, 2};

    @TempDir
    Path dir;

    /** The panel's left edge: the first column, from the left, of the frame's ink on the middle row. */
    private static int frameLeft(BufferedImage image) {
        int middle = image.getHeight() / 2;
        for (int x = 0; x < image.getWidth(); x++) {
            if (Pictures.rgb(image, x, middle) == Colours.INK
                    && Pictures.rgb(image, x, middle - 40) == Colours.INK
                    && Pictures.rgb(image, x, middle + 40) == Colours.INK) {
                return x + 1;
            }
        }
        throw new AssertionError("no frame");
    }

    @Test
    void aScatterHasATitleTickedAxesALegendAndItsPointsWhereTheyBelong() {
        Path file = dir.resolve("scatter.png");
        PointFigure.scatter(
                file,
                "samples",
                List.of(
                        new PointFigure.Points("test points", new float[] {1, 1}),
                        new PointFigure.Points("samples", new float[] {0, 0})),
                SQUARE,
                201);
        BufferedImage image = Pictures.read(file);
        int left = frameLeft(image);
        int top = 10 + 2 * BitmapFont.HEIGHT + 10;
        // the sample at (0, 0) is the panel's centre, the test point at (1, 1) half way to its top right
        // the last set, drawn on top, is blue; the one under it orange
        assertThat(Pictures.rgb(image, left + 100, top + 100)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, left + 150, top + 50)).isEqualTo(Colours.series(1));
        // title above, tick values left of and under the panel
        assertThat(Pictures.count(image, Colours.INK, 0, 0, image.getWidth(), top - 2))
                .isPositive();
        assertThat(Pictures.count(image, Colours.INK, 0, top, left - 4, top + 201))
                .isPositive();
        assertThat(Pictures.count(image, Colours.INK, left, top + 205, left + 201, image.getHeight()))
                .isPositive();
        // a legend: a dot of each colour besides the two points, inside the panel
        assertThat(Pictures.count(image, Colours.series(0), left, top, left + 201, top + 201))
                .isGreaterThan(9);
        assertThat(Pictures.count(image, Colours.series(1), left, top, left + 201, top + 201))
                .isGreaterThan(9);
    }

    @Test
    void aDensityHasAColourBarFromTheLeastValueToTheGreatest() {
        Path file = dir.resolve("density.png");
        double[] values = {1, 2, 3, 4};
        PointFigure.density(file, "density", "p(x)", values, 2, SQUARE, 50);
        BufferedImage image = Pictures.read(file);
        int left = frameLeft(image);
        int top = 10 + 2 * BitmapFont.HEIGHT + 10;
        // the greatest value (bottom right cell) has the top of the ramp, the least (top left) its bottom
        assertThat(Pictures.rgb(image, left + 75, top + 75)).isEqualTo(Colours.ramp(1));
        assertThat(Pictures.rgb(image, left + 25, top + 25)).isEqualTo(Colours.ramp(0));
        // the bar right of the panel runs from ramp(1) at its top to ramp(0) at its bottom
        int bar = left + 100 + 18 + 8;
        assertThat(Pictures.rgb(image, bar, top)).isEqualTo(Colours.ramp(1));
        assertThat(Pictures.rgb(image, bar, top + 99)).isEqualTo(Colours.ramp(0));
        // with its values beside it
        assertThat(Pictures.count(image, Colours.INK, bar + 12, top, image.getWidth(), top + 100))
                .isPositive();
    }

    @Test
    void aStripHasACaptionUnderEachPanel() {
        Path file = dir.resolve("strip.png");
        PointFigure.strip(
                file,
                "chain",
                new PointFigure.Points("test points", new float[] {1, 1}),
                List.of(
                        new PointFigure.Points("chain", new float[] {0, 0}),
                        new PointFigure.Points("chain", new float[] {-1, -1})),
                List.of("t = 1", "t = 0"),
                SQUARE,
                101);
        BufferedImage image = Pictures.read(file);
        int left = frameLeft(image);
        int top = 10 + 2 * BitmapFont.HEIGHT + 10;
        int captions = top + 101 + 3 + 4 + BitmapFont.HEIGHT + 4;
        for (int panel = 0; panel < 2; panel++) {
            int x = left + panel * (101 + 18);
            assertThat(Pictures.count(image, Colours.INK, x, captions, x + 101, captions + BitmapFont.HEIGHT))
                    .as("caption of panel %d", panel)
                    .isPositive();
        }
        assertThat(Pictures.rgb(image, left + 50, top + 50)).isEqualTo(Colours.series(0));
        assertThat(Pictures.rgb(image, left + 101 + 18 + 25, top + 75)).isEqualTo(Colours.series(0));
    }
}
