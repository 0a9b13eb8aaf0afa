package dev.genzoo.runtime.image;

import java.nio.file.Path;
import java.util.List;

/**
 * A grid of equally sized images (samples, reconstructions) as one PNG.
 *
 * <p>Each image is upscaled by nearest neighbour with the integer factor {@code ceil(64 / height)}
 * (8x8 digits become 64 pixels a side, 28x28 MNIST 84), so that a cell can be read in a report, and
 * cells are separated from each other and from the border by a 2-pixel mid-grey line. A grid of
 * {@code n} images in {@code c = min(columns, n)} columns and {@code r = ceil(n / c)} rows is
 * {@code c * width * factor + 2 * (c + 1)} pixels wide and {@code r * height * factor + 2 * (r + 1)}
 * tall; unused cells of the last row stay grey. {@link Labels} add a header line and a caption
 * per column above the cells, or captions below them, on white. Values are clamped to [0, 1]; a
 * pixel with a NaN in any channel is drawn pure red.
 */
public final class ImageGrid {
    private static final int GAP = 2;
    private static final int MIN_CELL_HEIGHT = 64;
    private static final int PAD = 4;

    /**
     * Words around a grid: a header line, and captions that say what each column holds (cycling
     * when there are more columns than captions), above the cells or below them.
     *
     * @param header a line above everything, or "" for none
     * @param captions the columns' captions, cycling; empty for none
     * @param below whether the captions go under the cells rather than over them
     */
    public record Labels(String header, List<String> captions, boolean below) {
        /** No words at all. */
        public static final Labels NONE = new Labels("", List.of(), false);

        /** Copies the captions. */
        public Labels {
            captions = List.copyOf(captions);
        }
    }

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
        write(file, images, count, channels, height, width, columns, Labels.NONE);
    }

    /**
     * Writes images as a grid, row by row, with words around it; cells are made wide enough for
     * the longest caption.
     *
     * @param file the PNG file; its folder must exist
     * @param images {@code count * channels * height * width} values in [0, 1]
     * @param count the number of images, at least 1
     * @param channels 1 for grey or 3 for RGB
     * @param height image height in pixels
     * @param width image width in pixels
     * @param columns images per row of the grid
     * @param labels the header and column captions
     */
    public static void write(
            Path file, float[] images, int count, int channels, int height, int width, int columns, Labels labels) {
        checkShape("images", images, count, channels, height, width);
        Checks.positive("number of columns", columns);
        int used = Math.min(columns, count);
        int rows = (count + used - 1) / used;
        int widest = 0;
        for (String caption : labels.captions()) {
            widest = Math.max(widest, BitmapFont.width(caption) + 2 * PAD);
        }
        int factor = Math.max((MIN_CELL_HEIGHT + height - 1) / height, (widest + width - 1) / width);
        int cellWidth = width * factor;
        int cellHeight = height * factor;
        int line = BitmapFont.HEIGHT + 2 * PAD;
        int headerHeight = labels.header().isEmpty() ? 0 : line;
        int captionHeight = labels.captions().isEmpty() ? 0 : line;
        int above = headerHeight + (labels.below() ? 0 : captionHeight);
        int gridWidth = used * cellWidth + GAP * (used + 1);
        int gridHeight = rows * cellHeight + GAP * (rows + 1);
        int canvasWidth = Math.max(gridWidth, BitmapFont.width(labels.header()) + 2 * PAD);
        Canvas canvas =
                new Canvas(canvasWidth, above + gridHeight + (labels.below() ? captionHeight : 0), Colours.PAPER);
        canvas.fill(0, above, gridWidth, gridHeight, Colours.SEPARATOR);
        canvas.text(labels.header(), PAD, PAD, Colours.INK, 1);
        if (!labels.captions().isEmpty()) {
            int captionTop = labels.below() ? above + gridHeight + PAD : headerHeight + PAD;
            for (int c = 0; c < used; c++) {
                String caption = labels.captions().get(c % labels.captions().size());
                int middle = GAP + c * (cellWidth + GAP) + cellWidth / 2;
                canvas.text(caption, middle - BitmapFont.width(caption) / 2, captionTop, Colours.INK, 1);
            }
        }
        int plane = height * width;
        for (int i = 0; i < count; i++) {
            int left = GAP + (i % used) * (cellWidth + GAP);
            int top = above + GAP + (i / used) * (cellHeight + GAP);
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
        writeGroups(file, List.of(inputs, reconstructions), count, channels, height, width, pairsPerRow, Labels.NONE);
    }

    /**
     * Writes groups of images side by side, one group per example: the example's image from each
     * array in turn (the data, its binary target, its reconstruction, say), laid out like {@link
     * #write} with {@code members * groupsPerRow} columns.
     *
     * @param file the PNG file; its folder must exist
     * @param members the arrays, each {@code count * channels * height * width} values in [0, 1]
     * @param count the number of groups, at least 1
     * @param channels 1 for grey or 3 for RGB
     * @param height image height in pixels
     * @param width image width in pixels
     * @param groupsPerRow groups per row of the grid
     * @param labels the header, and a caption per member
     */
    public static void writeGroups(
            Path file,
            List<float[]> members,
            int count,
            int channels,
            int height,
            int width,
            int groupsPerRow,
            Labels labels) {
        for (float[] member : members) {
            checkShape("images", member, count, channels, height, width);
        }
        Checks.positive("number of groups per row", groupsPerRow);
        int size = channels * height * width;
        int k = members.size();
        float[] interleaved = new float[Math.multiplyExact(k, members.get(0).length)];
        for (int i = 0; i < count; i++) {
            for (int m = 0; m < k; m++) {
                System.arraycopy(members.get(m), i * size, interleaved, (k * i + m) * size, size);
            }
        }
        write(
                file,
                interleaved,
                k * count,
                channels,
                height,
                width,
                (int) Math.min((long) k * groupsPerRow, (long) k * count),
                labels);
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
