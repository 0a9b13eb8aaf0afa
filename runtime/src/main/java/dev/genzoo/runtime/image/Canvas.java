package dev.genzoo.runtime.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * An RGB picture with clipped pixel, rectangle, line and text drawing that never touches
 * {@code Graphics2D}, so nothing on a headless machine can go looking for fonts.
 */
final class Canvas {
    /** Large enough for any chart or grid the runtime draws, small enough to fail before memory does. */
    private static final long MAX_PIXELS = 1L << 28;

    private final BufferedImage image;

    /**
     * A picture filled with one colour.
     *
     * @param width width in pixels, at least 1
     * @param height height in pixels, at least 1
     * @param background the colour as 0xRRGGBB
     */
    Canvas(int width, int height, int background) {
        Checks.positive("picture width", width);
        Checks.positive("picture height", height);
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("A picture of " + width + " x " + height + " pixels is too large.");
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(0, 0, width, height, background);
    }

    /**
     * Fills a rectangle of an image, clipped to its bounds.
     *
     * @param image the image to draw on
     * @param x left edge
     * @param y top edge
     * @param w width; nothing is drawn if not positive
     * @param h height; nothing is drawn if not positive
     * @param rgb the colour as 0xRRGGBB
     */
    static void fill(BufferedImage image, int x, int y, int w, int h, int rgb) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = (int) Math.min(image.getWidth(), (long) x + w);
        int y1 = (int) Math.min(image.getHeight(), (long) y + h);
        for (int j = y0; j < y1; j++) {
            for (int i = x0; i < x1; i++) {
                image.setRGB(i, j, rgb);
            }
        }
    }

    /** The picture drawn so far. */
    BufferedImage image() {
        return image;
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    /** The colour of a pixel inside the picture, as 0xRRGGBB. */
    int rgb(int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /** Fills a rectangle, clipped to the picture. */
    void fill(int x, int y, int w, int h, int rgb) {
        fill(image, x, y, w, h, rgb);
    }

    /** Draws the one-pixel outline of a rectangle, clipped to the picture. */
    void outline(int x, int y, int w, int h, int rgb) {
        fill(x, y, w, 1, rgb);
        fill(x, y + h - 1, w, 1, rgb);
        fill(x, y, 1, h, rgb);
        fill(x + w - 1, y, 1, h, rgb);
    }

    /**
     * Draws a straight line with Bresenham's algorithm, each step a square pen of the given
     * thickness centred on the ideal pixel.
     */
    void line(int x0, int y0, int x1, int y1, int rgb, int thickness) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        int x = x0;
        int y = y0;
        int offset = (thickness - 1) / 2;
        while (true) {
            fill(x - offset, y - offset, thickness, thickness, rgb);
            if (x == x1 && y == y1) {
                return;
            }
            int doubled = 2 * error;
            if (doubled >= dy) {
                error += dy;
                x += sx;
            }
            if (doubled <= dx) {
                error += dx;
                y += sy;
            }
        }
    }

    /** Draws text with its top-left corner at (x, y); see {@link BitmapFont#draw}. */
    void text(String text, int x, int y, int rgb, int scale) {
        BitmapFont.draw(image, text, x, y, rgb, scale);
    }

    /** Writes the picture atomically as PNG; see {@link PngFiles#write}. */
    void write(Path file) {
        PngFiles.write(file, image);
    }
}
