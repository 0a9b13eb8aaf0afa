package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link PosteriorPlot} shows, read back from its pixels: the heat map is exp(f - max f) of
 * the true log-density with its brightest cell at the density's mode, row 0 at the largest y; q's
 * contour at a drop of 1/2 below its maximum is a ring one standard deviation from q's mean; the
 * samples sit where their coordinates say.
 */
final class PosteriorPlotTest {
    private static final int CELLS = 40;
    private static final int SCALE = 3;
    private static final double[] BOUNDS = {-2, 2, -2, 2};

    @TempDir
    Path dir;

    /** The cell centres' coordinates, as the posterior command lays out its grid. */
    private static double x(int column) {
        return BOUNDS[0] + (column + 0.5) * (BOUNDS[1] - BOUNDS[0]) / CELLS;
    }

    private static double y(int row) {
        return BOUNDS[3] - (row + 0.5) * (BOUNDS[3] - BOUNDS[2]) / CELLS;
    }

    /** log N((mx, my), s^2 I) up to a constant at every cell centre, row-major. */
    private static double[] gaussian(double mx, double my, double s) {
        double[] out = new double[CELLS * CELLS];
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                double dx = x(c) - mx;
                double dy = y(r) - my;
                out[r * CELLS + c] = -(dx * dx + dy * dy) / (2 * s * s);
            }
        }
        return out;
    }

    @Test
    void theHeatMapIsTheDensityBrightestAtItsMode() {
        Path file = dir.resolve("posterior.png");
        double[] field = gaussian(0.55, -1.05, 0.4);
        PosteriorPlot.write(file, field, null, new double[0], new float[0], BOUNDS, CELLS, CELLS, SCALE);
        BufferedImage image = Pictures.read(file);
        assertThat(image.getWidth()).isEqualTo(CELLS * SCALE);
        // the mode (0.55, -1.05) is the centre of column 25, row 30: below the middle, to the right
        assertThat(Pictures.rgb(image, 25 * SCALE + 1, 30 * SCALE + 1)).isEqualTo(Colours.ramp(1));
        assertThat(Pictures.count(image, Colours.ramp(1), 0, 0, CELLS * SCALE, CELLS * SCALE))
                .isEqualTo(SCALE * SCALE);
        for (int[] cell : new int[][] {{30, 27}, {28, 25}, {10, 5}, {0, 39}}) {
            double shade = Math.exp(field[cell[0] * CELLS + cell[1]]);
            assertThat(Pictures.rgb(image, cell[1] * SCALE, cell[0] * SCALE))
                    .as("cell %d,%d", cell[0], cell[1])
                    .isEqualTo(Colours.ramp(shade));
        }
    }

    @Test
    void theContourAtHalfANatIsOneStandardDeviationFromQsMean() {
        Path file = dir.resolve("contour.png");
        double sd = 0.6;
        double[] q = gaussian(-0.5, 0.3, sd);
        PosteriorPlot.write(file, gaussian(0, 0, 5), q, new double[] {0.5}, new float[0], BOUNDS, CELLS, CELLS, SCALE);
        BufferedImage image = Pictures.read(file);
        int white = 0;
        double cell = (BOUNDS[1] - BOUNDS[0]) / CELLS;
        for (int py = 0; py < CELLS * SCALE; py++) {
            for (int px = 0; px < CELLS * SCALE; px++) {
                if (Pictures.rgb(image, px, py) == 0xFFFFFF) {
                    white++;
                    double dx = x(px / SCALE) - -0.5;
                    double dy = y(py / SCALE) - 0.3;
                    // a crossing cell's centre is within one cell diagonal of the level set
                    assertThat(Math.hypot(dx, dy))
                            .as("pixel %d,%d", px, py)
                            .isBetween(sd - 1.5 * cell, sd + 1.5 * cell);
                }
            }
        }
        // a closed ring: at least one crossing cell per cell of its circumference
        assertThat(white).isGreaterThan((int) (2 * Math.PI * sd / cell));
    }

    @Test
    void samplesAreDrawnWhereTheyLieAndThoseOutsideAreLeftOut() {
        Path file = dir.resolve("samples.png");
        float[] points = {1.0f, 1.0f, -1.5f, -0.5f, 3.0f, 0.0f};
        PosteriorPlot.write(file, gaussian(0, 0, 5), null, new double[0], points, BOUNDS, CELLS, CELLS, SCALE);
        BufferedImage image = Pictures.read(file);
        int side = CELLS * SCALE;
        int colour = Colours.series(1);
        // (1, 1) is three quarters across and a quarter down; (-1.5, -0.5) one eighth across, 5/8 down
        assertThat(Pictures.count(image, colour, 90, 30, 92, 32)).isEqualTo(4);
        assertThat(Pictures.count(image, colour, 15, 75, 17, 77)).isEqualTo(4);
        assertThat(Pictures.count(image, colour, 0, 0, side, side)).isEqualTo(8);
    }
}
