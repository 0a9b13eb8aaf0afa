package dev.genzoo.runtime.image;

import java.nio.file.Path;
import java.util.List;

/**
 * Points in the plane (samples from a 2-D model) as a scatter plot PNG.
 *
 * <p>The square picture spans the given bounds exactly, y growing upwards, with the axes x = 0
 * and y = 0 drawn in light grey where they fall inside. Each point is a 3 x 3 pixel square. The
 * optional second set (say, the data) is drawn first in the second series colour, and the main
 * set (say, the samples) on top of it in the first.
 */
public final class ScatterPlot {
    private static final int DOT = 3;
    private static final int GAP = 2;

    private ScatterPlot() {}

    /**
     * Writes a scatter plot.
     *
     * @param file the PNG file; its folder must exist
     * @param points {@code n * 2} values: x0, y0, x1, y1, ...; non-finite points and points
     *     outside the bounds are skipped
     * @param otherPointsOrNull a second set in the same layout, or null for none
     * @param bounds xmin, xmax, ymin, ymax, finite with xmin &lt; xmax and ymin &lt; ymax
     * @param size the side of the picture in pixels, at least 8
     * @throws IllegalArgumentException if the bounds or size are unusable or a set has odd length
     * @throws dev.genzoo.api.GenzooException naming the file, if it cannot be written
     */
    public static void write(Path file, float[] points, float[] otherPointsOrNull, double[] bounds, int size) {
        writeStrip(file, List.of(points), otherPointsOrNull, bounds, size);
    }

    /**
     * Writes scatter plots side by side, one panel per set of points (the frames of a sampling
     * chain, say), all over the same bounds and the same second set, separated by a 2-pixel
     * mid-grey line. The strip is {@code frames * size + 2 * (frames - 1)} pixels wide and
     * {@code size} tall; each panel is drawn as {@link #write} draws one plot.
     *
     * @param file the PNG file; its folder must exist
     * @param frames the sets of points, at least one, each {@code n * 2} values as in {@link #write}
     * @param otherPointsOrNull a second set drawn under every panel, or null for none
     * @param bounds xmin, xmax, ymin, ymax, finite with xmin &lt; xmax and ymin &lt; ymax
     * @param size the side of each panel in pixels, at least 8
     * @throws IllegalArgumentException if the bounds or size are unusable, there are no frames or a
     *     set has odd length
     * @throws dev.genzoo.api.GenzooException naming the file, if it cannot be written
     */
    public static void writeStrip(
            Path file, List<float[]> frames, float[] otherPointsOrNull, double[] bounds, int size) {
        checkBounds(bounds);
        if (size < 8) {
            throw new IllegalArgumentException("A scatter plot needs at least 8 x 8 pixels, not " + size + ".");
        }
        Checks.positive("number of frames", frames.size());
        Canvas canvas = new Canvas(frames.size() * (size + GAP) - GAP, size, Colours.SEPARATOR);
        for (int f = 0; f < frames.size(); f++) {
            panel(canvas, f * (size + GAP), frames.get(f), otherPointsOrNull, bounds, size);
        }
        canvas.write(file);
    }

    private static void panel(Canvas canvas, int left, float[] points, float[] other, double[] bounds, int size) {
        canvas.fill(left, 0, size, size, Colours.PAPER);
        int zeroColumn = column(0, bounds, size);
        int zeroRow = row(0, bounds, size);
        if (bounds[0] <= 0 && 0 <= bounds[1]) {
            canvas.fill(left + zeroColumn, 0, 1, size, Colours.GRID);
        }
        if (bounds[2] <= 0 && 0 <= bounds[3]) {
            canvas.fill(left, zeroRow, size, 1, Colours.GRID);
        }
        if (other != null) {
            draw(canvas, left, 0, other, bounds, size, Colours.series(1));
        }
        draw(canvas, left, 0, points, bounds, size, Colours.series(0));
    }

    /**
     * Draws points as 3 x 3 squares into a square panel of a picture, y upwards; points outside
     * the bounds or not finite are skipped.
     *
     * @param canvas the picture
     * @param left the panel's left edge
     * @param top the panel's top edge
     * @param points x0, y0, x1, y1, ...
     * @param bounds xmin, xmax, ymin, ymax of the panel
     * @param size the panel's side in pixels
     * @param rgb the colour
     */
    static void draw(Canvas canvas, int left, int top, float[] points, double[] bounds, int size, int rgb) {
        if (points.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Points come as (x, y) pairs, but " + points.length + " values were given.");
        }
        for (int i = 0; i < points.length; i += 2) {
            double x = points[i];
            double y = points[i + 1];
            if (x >= bounds[0] && x <= bounds[1] && y >= bounds[2] && y <= bounds[3]) {
                canvas.fill(
                        left + column(x, bounds, size) - DOT / 2, top + row(y, bounds, size) - DOT / 2, DOT, DOT, rgb);
            }
        }
    }

    /** The pixel column of an x value: xmin is column 0 and xmax the last column. */
    static int column(double x, double[] bounds, int size) {
        return (int) Math.round((x - bounds[0]) / (bounds[1] - bounds[0]) * (size - 1));
    }

    /** The pixel row of a y value: ymax is row 0 and ymin the last row. */
    static int row(double y, double[] bounds, int size) {
        return (int) Math.round((bounds[3] - y) / (bounds[3] - bounds[2]) * (size - 1));
    }

    static void checkBounds(double[] bounds) {
        if (bounds.length != 4) {
            throw new IllegalArgumentException(
                    "Bounds are xmin, xmax, ymin, ymax: 4 values, not " + bounds.length + ".");
        }
        for (double b : bounds) {
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException("Bounds must be finite, not " + b + ".");
            }
        }
        if (!(bounds[0] < bounds[1] && bounds[2] < bounds[3])) {
            throw new IllegalArgumentException("Bounds need xmin < xmax and ymin < ymax.");
        }
    }
}
