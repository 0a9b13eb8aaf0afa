package dev.genzoo.runtime.image;

import java.nio.file.Path;

/**
 * A scalar field on a regular grid (a learned 2-D density) as a heat map PNG.
 *
 * <p>Finite values are mapped linearly from their minimum to their maximum onto the ramp of
 * {@link Colours#ramp}, dark indigo for the least and yellow for the greatest; a field with one
 * value throughout is drawn in the middle colour. NaN and infinite cells are black. The picture
 * is exactly {@code cols * scale} by {@code rows * scale} pixels.
 */
public final class HeatMap {
    private HeatMap() {}

    /**
     * Writes a heat map.
     *
     * @param file the PNG file; its folder must exist
     * @param values {@code rows * cols} values, row-major, row 0 at the top of the picture
     * @param rows the number of grid rows, at least 1
     * @param cols the number of grid columns, at least 1
     * @param scale the side of one cell in pixels, at least 1
     * @throws IllegalArgumentException if the shape is impossible or does not match the array
     * @throws dev.genzoo.api.GenzooException naming the file, if it cannot be written
     */
    public static void write(Path file, double[] values, int rows, int cols, int scale) {
        Checks.positive("number of rows", rows);
        Checks.positive("number of columns", cols);
        Checks.positive("cell scale", scale);
        Checks.length("heat map values", values.length, (long) rows * cols);
        Canvas canvas = new Canvas(Math.multiplyExact(cols, scale), Math.multiplyExact(rows, scale), Colours.MISSING);
        paint(canvas, 0, 0, values, rows, cols, scale);
        canvas.write(file);
    }

    /**
     * Paints the cells into a region of a picture, the finite values stretched over the ramp.
     *
     * @param canvas the picture
     * @param left the region's left edge
     * @param top the region's top edge
     * @param values {@code rows * cols} values, row-major, row 0 at the top
     * @param rows grid rows
     * @param cols grid columns
     * @param scale the side of one cell in pixels
     * @return the least and greatest finite value, the ends of the ramp (NaN for none)
     */
    static double[] paint(Canvas canvas, int left, int top, double[] values, int rows, int cols, int scale) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double range = max - min;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r * cols + c];
                int rgb = Double.isFinite(v) ? Colours.ramp(range > 0 ? (v - min) / range : 0.5) : Colours.MISSING;
                canvas.fill(left + c * scale, top + r * scale, scale, scale, rgb);
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }
}
