package dev.genzoo.runtime.data;

import dev.genzoo.api.GenzooException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with {@code javax.imageio} (PNG, JPEG, BMP, GIF) into 8-bit values:
 * grey images (and palettes of greys) as their grey level, read from the raster so that Java's
 * linear grey colour space does not brighten them; others as sRGB. Transparent pixels are
 * composited over a background colour (Porter and Duff 1984, "over"): c a + b (1 - a).
 */
final class ImageDecoding {
    private ImageDecoding() {}

    /**
     * An image's size and whether it is grey, from its header alone: grey when its colour model is
     * and it has no transparency, or the background is grey too (a transparent pixel is the
     * background's colour).
     */
    record Header(int width, int height, boolean grey) {}

    /**
     * An image decoded: three planes (red, green, blue) of height x width values in [0, 255],
     * composited over the background; for a grey image the three planes are equal.
     */
    record Decoded(int width, int height, boolean grey, float[] rgb) {}

    /**
     * Reads an image's header.
     *
     * @param file the image
     * @param background the colour under transparent pixels, 0xRRGGBB
     * @return its size and whether it is grey
     * @throws GenzooException naming the file if no reader knows it or its header is damaged
     */
    static Header header(Path file, int background) {
        return withReader(file, reader -> {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null && types.hasNext()) {
                type = types.next();
            }
            boolean grey = type != null && isGrey(type.getColorModel(), background);
            return new Header(reader.getWidth(0), reader.getHeight(0), grey);
        });
    }

    /**
     * Decodes an image; a warning of the decoder (a truncated JPEG is decoded with one) is an
     * error.
     *
     * @param file the image
     * @param background the colour under transparent pixels, 0xRRGGBB
     * @return its pixels
     * @throws GenzooException naming the file if it is not an image genzoo reads, or damaged or
     *     truncated
     */
    static Decoded decode(Path file, int background) {
        BufferedImage image = withReader(file, reader -> {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage read = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new GenzooException(file + " is damaged or truncated: " + warnings.get(0));
            }
            return read;
        });
        return pixels(image, background);
    }

    /** The pixels of a decoded image, composited over the background. */
    static Decoded pixels(BufferedImage image, int background) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        float[] rgb = new float[3 * plane];
        float[] under = {background >> 16 & 0xFF, background >> 8 & 0xFF, background & 0xFF};
        ColorModel model = image.getColorModel();
        boolean grey = isGrey(model, background);
        if (isGrey(model) && !(model instanceof IndexColorModel)) {
            Raster raster = image.getRaster();
            double top = (1 << model.getComponentSize(0)) - 1;
            boolean alpha = model.hasAlpha();
            double alphaTop = alpha ? (1 << model.getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double g = raster.getSample(x, y, 0) * 255.0 / top;
                    double a = alpha ? raster.getSample(x, y, 1) / alphaTop : 1;
                    for (int c = 0; c < 3; c++) {
                        rgb[c * plane + y * w + x] = (float) (g * a + under[c] * (1 - a));
                    }
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < plane; i++) {
                double a = (argb[i] >>> 24) / 255.0;
                for (int c = 0; c < 3; c++) {
                    int value = argb[i] >> (16 - 8 * c) & 0xFF;
                    rgb[c * plane + i] = (float) (value * a + under[c] * (1 - a));
                }
            }
        }
        return new Decoded(w, h, grey, rgb);
    }

    /** A grey image once composited: a grey colour model, opaque or over a grey background. */
    static boolean isGrey(ColorModel model, int background) {
        boolean greyBackground =
                (background >> 16 & 0xFF) == (background & 0xFF) && (background >> 8 & 0xFF) == (background & 0xFF);
        return isGrey(model) && (!model.hasAlpha() || greyBackground);
    }

    /** A grey colour space, or a palette of greys. */
    static boolean isGrey(ColorModel model) {
        if (model instanceof IndexColorModel palette) {
            for (int i = 0; i < palette.getMapSize(); i++) {
                int r = palette.getRed(i);
                if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                    return false;
                }
            }
            return true;
        }
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private interface ReaderUse<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, ReaderUse<T> use) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new GenzooException(
                        java.nio.file.Files.exists(file)
                                ? "genzoo may not read " + file + "; check its permissions"
                                : "cannot read " + file + ": it does not exist (a link to a file that is gone?)");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new GenzooException(
                        file + " is not an image genzoo can read (it reads PNG, JPEG, BMP and GIF files)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return use.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GenzooException g) {
                throw g;
            }
            throw new GenzooException(
                    file + " is damaged or truncated: it cannot be decoded ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                    e);
        }
    }
}
