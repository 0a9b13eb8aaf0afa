package dev.genzoo.runtime.data;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;

/** Writes image files with known pixels for tests, with {@code javax.imageio}. */
final class ImageFiles {
    private ImageFiles() {}

    /** An 8-bit grey image, its level at (x, y) given. */
    static Path grey(Path file, int width, int height, IntBinaryOperator level) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, level.applyAsInt(x, y));
            }
        }
        return write(image, file);
    }

    /** An 8-bit grey image with alpha, its (level, alpha) at (x, y) given as level << 8 | alpha. */
    static Path greyAlpha(Path file, int width, int height, IntBinaryOperator levelAlpha) {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        BufferedImage image =
                new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = levelAlpha.applyAsInt(x, y);
                raster.setSample(x, y, 0, value >> 8 & 0xFF);
                raster.setSample(x, y, 1, value & 0xFF);
            }
        }
        return write(image, file);
    }

    /** An RGB image, its 0xRRGGBB at (x, y) given; the format follows the file name. */
    static Path rgb(Path file, int width, int height, IntBinaryOperator colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour.applyAsInt(x, y));
            }
        }
        return write(image, file);
    }

    /** A palette image (a GIF), the palette's 0xRRGGBB colours given and the index at (x, y). */
    static Path indexed(Path file, int width, int height, int[] palette, IntBinaryOperator index) {
        byte[][] rgb = new byte[3][palette.length];
        for (int i = 0; i < palette.length; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = (byte) (palette[i] >> (16 - 8 * c));
            }
        }
        IndexColorModel model = new IndexColorModel(8, palette.length, rgb[0], rgb[1], rgb[2]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, index.applyAsInt(x, y));
            }
        }
        return write(image, file);
    }

    /** An RGBA PNG, its 0xAARRGGBB at (x, y) given. */
    static Path argb(Path file, int width, int height, IntBinaryOperator colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour.applyAsInt(x, y));
            }
        }
        return write(image, file);
    }

    private static Path write(BufferedImage image, Path file) {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        try {
            if (!ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, file.toFile())) {
                throw new IllegalStateException("javax.imageio has no writer of " + format + " for this image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
