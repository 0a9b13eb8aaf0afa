package dev.genzoo.runtime.image;

import java.nio.file.Path;

/**
 * A 2-D posterior three ways on one square picture: a density on a grid as a heat map (the
 * unnormalised true posterior, brightest at its mode), a second density's contours at given levels
 * below its maximum (an approximation q(z|x)), and points on top (Markov chain samples).
 *
 * <p>The grid spans the bounds, row 0 at the top (the largest y), each cell {@code scale} pixels
 * square. The heat map shows exp(f - max f), linear in the density. A contour is the set of
 * pixels whose cell lies on one side of a level and a neighbour on the other, drawn in white. Points
 * are 2 x 2 pixel squares in the first series colour; points outside the bounds are skipped.
 */
public final class PosteriorPlot {
    private static final int CONTOUR = 0xFFFFFF;

    private PosteriorPlot() {}

    /**
     * Writes the picture.
     *
     * @param file the PNG file; its folder must exist
     * @param logDensity the heat map's log-density at the {@code rows * cols} cell centres, row-major,
     *     row 0 at the top
     * @param contourField the contoured log-density at the same cells, or null for none
     * @param contourDrops the levels, as drops below the field's maximum (0.5, 2, 4.5 are a Gaussian's
     *     1, 2 and 3 standard deviations)
     * @param points {@code n * 2} values x0, y0, x1, y1, ...
     * @param bounds xmin, xmax, ymin, ymax
     * @param rows grid rows
     * @param cols grid columns
     * @param scale pixels per cell side
     */
    public static void write(
            Path file,
            double[] logDensity,
            double[] contourField,
            double[] contourDrops,
            float[] points,
            double[] bounds,
            int rows,
            int cols,
            int scale) {
        Checks.length("log-density values", logDensity.length, (long) rows * cols);
        Canvas canvas = new Canvas(cols * scale, rows * scale, Colours.MISSING);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logDensity) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = logDensity[r * cols + c];
                if (Double.isFinite(v)) {
                    canvas.fill(c * scale, r * scale, scale, scale, Colours.ramp(Math.exp(v - max)));
                }
            }
        }
        if (contourField != null) {
            Checks.length("contour values", contourField.length, (long) rows * cols);
            drawContours(canvas, contourField, contourDrops, rows, cols, scale);
        }
        double width = bounds[1] - bounds[0];
        double height = bounds[3] - bounds[2];
        for (int i = 0; i + 1 < points.length; i += 2) {
            double fx = (points[i] - bounds[0]) / width;
            double fy = (bounds[3] - points[i + 1]) / height;
            if (fx >= 0 && fx < 1 && fy >= 0 && fy < 1) {
                canvas.fill((int) (fx * cols * scale), (int) (fy * rows * scale), 2, 2, Colours.series(1));
            }
        }
        canvas.write(file);
    }

    private static void drawContours(Canvas canvas, double[] field, double[] drops, int rows, int cols, int scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : field) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        for (double drop : drops) {
            double level = max - drop;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    boolean above = field[r * cols + c] >= level;
                    boolean crosses = (c + 1 < cols && (field[r * cols + c + 1] >= level) != above)
                            || (r + 1 < rows && (field[(r + 1) * cols + c] >= level) != above);
                    if (crosses) {
                        canvas.fill(
                                c * scale + scale / 2,
                                r * scale + scale / 2,
                                Math.max(1, scale / 2),
                                Math.max(1, scale / 2),
                                CONTOUR);
                    }
                }
            }
        }
    }
}
