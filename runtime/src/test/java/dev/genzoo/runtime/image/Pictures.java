package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading back and searching the PNG files the tests write. */
final class Pictures {
    private Pictures() {}

    /** Decodes a PNG file, failing the test if it is not one. */
    static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as("decoded %s", file).isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The colour at a pixel as 0xRRGGBB. */
    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /** How many pixels of a colour lie in the rectangle [x0, x1) x [y0, y1). */
    static int count(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(image, x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
