package dev.genzoo.runtime.image;

import java.nio.file.Path;

/**
 * A grid of equally sized images (samples, reconstructions) as one PNG.
 *
 * <p>Each image is upscaled by the integer factor {@code ceil(32 / height)}, so that small
 * images stay legible, and cells are separated from each other and from the border by a 2-pixel
 * mid-grey line. A grid of {@code n} images in {@code c = min(columns, n)} columns and
 * {@code r = ceil(n / c)} rows is {@code c * width * factor + 2 * (c + 1)} pixels wide and
 * {@code r * height * factor + 2 * (r + 1)} tall; unused cells of the last row stay grey.
 * Values are clamped to [0, 1]; a pixel with a NaN in any channel is drawn pure red.
 */
public final class ImageGrid {
    private static final int GAP = 2;
    private static final int MIN_CELL_HEIGHT = 32;

    private ImageGrid() {}

    /**
     * Writes images as a grid, row by row.
     *
     * @param file the PNG file; its folder must exist
     * @param images {@code count * channels * height * width} values in [0, 1], image after image,
     *     each channel-first and row-major
     * @param count the number of images, at least 1
     * @param channels 1 for grey or 3 for RGB
     * @param height image height in pixels
     * @param width image width in pixels
     * @param columns images per row of the grid
     * @throws IllegalArgumentException if the shape is impossible or does not match the array
     * @throws dev.genzoo.api.GenzooException naming the file, if it cannot be written
     */
    public static void write(Path file, float[] images, int count, int channels, int height, int width, int columns) {
        checkShape("images", images, count, channels, height, width);
        Checks.positive("number of columns", columns);
        int used = Math.min(columns, count);
        int rows = (count + used - 1) / used;
        int factor = (MIN_CELL_HEIGHT + height - 1) / height;
        int cellWidth = width * factor;
        int cellHeight = height * factor;
        Canvas canvas = new Canvas(
                used * cellWidth + GAP * (used + 1), rows * cellHeight + GAP * (rows + 1), Colours.SEPARATOR);
        int plane = height * width;
        for (int i = 0; i < count; i++) {
            int left = GAP + (i % used) * (cellWidth + GAP);
            int top = GAP + (i / used) * (cellHeight + GAP);
            int offset = i * channels * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = offset + y * width + x;
                    int rgb = channels == 1
                            ? pixel(images[at], images[at], images[at])
                            : pixel(images[at], images[at + plane], images[at + 2 * plane]);
                    canvas.fill(left + x * factor, top + y * factor, factor, factor, rgb);
                }
            }
        }
        canvas.write(file);
    }

    /**
     * Writes inputs beside their reconstructions: each pair takes two neighbouring cells, the
     * input on the left, laid out like {@link #write} with {@code 2 * pairsPerRow} columns.
     *
     * @param file the PNG file; its folder must exist
     * @param inputs {@code count * channels * height * width} values in [0, 1]
     * @param reconstructions the same number of values, in the same order
     * @param count the number of pairs, at least 1
     * @param channels 1 for grey or 3 for RGB
     * @param height image height in pixels
     * @param width image width in pixels
     * @param pairsPerRow pairs per row of the grid
     * @throws IllegalArgumentException if the shape is impossible or does not match the arrays
     * @throws dev.genzoo.api.GenzooException naming the file, if it cannot be written
     */
    public static void writePairs(
            Path file,
            float[] inputs,
            float[] reconstructions,
            int count,
            int channels,
            int height,
            int width,
            int pairsPerRow) {
        checkShape("inputs", inputs, count, channels, height, width);
        checkShape("reconstructions", reconstructions, count, channels, height, width);
        Checks.positive("number of pairs per row", pairsPerRow);
        int size = channels * height * width;
        float[] interleaved = new float[Math.multiplyExact(2, inputs.length)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs, i * size, interleaved, 2 * i * size, size);
            System.arraycopy(reconstructions, i * size, interleaved, (2 * i + 1) * size, size);
        }
        write(file, interleaved, 2 * count, channels, height, width, (int) Math.min(2L * pairsPerRow, 2L * count));
    }

    private static void checkShape(String what, float[] values, int count, int channels, int height, int width) {
        Checks.positive("image count", count);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Images have 1 (grey) or 3 (RGB) channels, not " + channels + ".");
        }
        Checks.positive("image height", height);
        Checks.positive("image width", width);
        Checks.length(what, values.length, (long) count * channels * height * width);
    }

    private static int pixel(float red, float green, float blue) {
        if (Float.isNaN(red) || Float.isNaN(green) || Float.isNaN(blue)) {
            return Colours.NAN_MARKER;
        }
        return Colours.rgb(red, green, blue);
    }
}
