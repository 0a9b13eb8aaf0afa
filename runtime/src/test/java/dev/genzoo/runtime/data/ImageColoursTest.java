package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files of every format read back to the pixels written: grey as its levels, colour as three
 * planes, transparency composited over the background, and the conversions of {@code --channels}
 * (BT.601 luma, grey repeated), each value checked by hand.
 */
final class ImageColoursTest {
    private static final int W = 3;
    private static final int H = 5;

    @TempDir
    Path dir;

    private DataOptions options(int channels, int background) {
        DataOptions defaults = DataOptions.defaults(dir.toString());
        return new DataOptions(
                defaults.source(), 0, channels, background, 0.5, defaults.labelColumn(), "x", "y", defaults.cache());
    }

    /** The one image of a folder of two equal images, as unsigned bytes. */
    private int[] firstImage(DataOptions options) {
        DataSplit split = DataSources.load(options, DecodingProgress.NONE);
        assertThat(split.train().size()).isEqualTo(1);
        byte[] bytes = split.train().bytes();
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    private void twice(Path file) throws IOException {
        String name = file.getFileName().toString();
        Files.copy(file, file.resolveSibling("copy-" + name));
    }

    /**
     * Distinct colours 0xRRGGBB at (x, y). The images are 5 rows high: Java's GIF reader decodes
     * interlaced GIFs (which its writer makes) of 2 to 4 rows wrongly, rows of the later passes lost.
     */
    private static int colour(int x, int y) {
        return (40 * x + 10) << 16 | (200 - 30 * y) << 8 | (17 * x + 40 * y);
    }

    private static int[] planes() {
        int[] expected = new int[3 * W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int c = colour(x, y);
                for (int k = 0; k < 3; k++) {
                    expected[k * W * H + y * W + x] = c >> (16 - 8 * k) & 0xFF;
                }
            }
        }
        return expected;
    }

    @Test
    void aGreyPngIsReadAsItsLevelsInOneChannel() throws IOException {
        twice(ImageFiles.grey(dir.resolve("g.png"), 3, 2, (x, y) -> 30 * x + 100 * y + 7));

        DataSplit split = DataSources.load(options(0, 0xFFFFFF), DecodingProgress.NONE);

        assertThat(split.train().exampleShape().getShape()).containsExactly(1, 2, 3);
        assertThat(split.train().levels()).isEqualTo(256);
        assertThat(firstImage(options(0, 0xFFFFFF))).containsExactly(7, 37, 67, 107, 137, 167);
    }

    @Test
    void aSixteenBitGreyPngIsScaledToEightBits() throws IOException {
        // level 257 k of 65535 is k of 255
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] k = {0, 128, 255};
        for (int x = 0; x < 3; x++) {
            image.getRaster().setSample(x, 0, 0, 257 * k[x]);
        }
        ImageIO.write(image, "png", dir.resolve("deep.png").toFile());
        twice(dir.resolve("deep.png"));

        assertThat(firstImage(options(0, 0xFFFFFF))).containsExactly(0, 128, 255);
    }

    @Test
    void aPaletteWithATransparentEntryIsCompositedOverTheBackground() throws IOException {
        // entries: opaque blue, transparent (its colour unseen), opaque grey 90
        byte[] r = {0, (byte) 255, 90};
        byte[] g = {0, (byte) 255, 90};
        byte[] b = {(byte) 255, (byte) 255, 90};
        IndexColorModel palette = new IndexColorModel(8, 3, r, g, b, 1);
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int x = 0; x < 3; x++) {
            image.getRaster().setSample(x, 0, 0, x);
        }
        ImageIO.write(image, "png", dir.resolve("p.png").toFile());
        twice(dir.resolve("p.png"));

        assertThat(firstImage(options(0, 0x102030))).containsExactly(0, 0x10, 90, 0, 0x20, 90, 255, 0x30, 90);
    }

    @Test
    void rgbPngBmpAndGifAreReadAsThreePlanesExactly() throws IOException {
        int[] palette = new int[W * H];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = colour(i % W, i / W);
        }
        for (String format : new String[] {"png", "bmp", "gif"}) {
            Path folder = dir.resolve(format);
            Files.createDirectories(folder);
            for (String name : new String[] {"a.", "b."}) {
                if (format.equals("gif")) {
                    ImageFiles.indexed(folder.resolve(name + format), W, H, palette, (x, y) -> y * W + x);
                } else {
                    ImageFiles.rgb(folder.resolve(name + format), W, H, ImageColoursTest::colour);
                }
            }
            DataOptions options = options(0, 0xFFFFFF);
            options = new DataOptions(
                    folder.toString(), 0, 0, 0xFFFFFF, 0.5, options.labelColumn(), "x", "y", options.cache());

            DataSplit split = DataSources.load(options, DecodingProgress.NONE);

            assertThat(split.train().exampleShape().getShape()).as(format).containsExactly(3, H, W);
            byte[] bytes = split.train().bytes();
            int[] expected = planes();
            for (int i = 0; i < expected.length; i++) {
                assertThat(bytes[i] & 0xFF).as(format + " value " + i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void aFlatJpegIsReadWithinItsCompressionError() throws IOException {
        twice(ImageFiles.rgb(dir.resolve("flat.jpg"), 16, 16, (x, y) -> 0xC86432));

        int[] values = firstImage(options(0, 0xFFFFFF));

        assertThat(values).hasSize(3 * 256);
        for (int i = 0; i < 256; i++) {
            assertThat(values[i]).isBetween(200 - 3, 200 + 3);
            assertThat(values[256 + i]).isBetween(100 - 3, 100 + 3);
            assertThat(values[512 + i]).isBetween(50 - 3, 50 + 3);
        }
    }

    @Test
    void aGreyJpegIsOneChannelOfItsLevelWithinItsCompressionError() throws IOException {
        twice(ImageFiles.grey(dir.resolve("flat.jpg"), 16, 16, (x, y) -> 90));

        int[] values = firstImage(options(0, 0xFFFFFF));

        assertThat(values).hasSize(256);
        for (int v : values) {
            assertThat(v).isBetween(90 - 2, 90 + 2);
        }
    }

    @Test
    void transparentPixelsAreCompositedOverTheBackground() throws IOException {
        // (x, 0): opaque red, half-transparent red, fully transparent red
        int[] alpha = {255, 128, 0};
        twice(ImageFiles.argb(dir.resolve("rgba.png"), 3, 1, (x, y) -> alpha[x] << 24 | 0xFF0000));

        int[] values = firstImage(options(0, 0x00FF00));

        // red: 255 a + 0 (1 - a); green: 0 a + 255 (1 - a); a = 128 / 255
        assertThat(values).containsExactly(255, 128, 0, 0, 127, 255, 0, 0, 0);
    }

    @Test
    void transparentGreyPixelsAreCompositedOverAGreyBackground() throws IOException {
        // level 200 at alpha 255, 51 and 0, over grey 100: 200 a + 100 (1 - a)
        int[] alpha = {255, 51, 0};
        twice(ImageFiles.greyAlpha(dir.resolve("ga.png"), 3, 1, (x, y) -> 200 << 8 | alpha[x]));

        DataSplit split = DataSources.load(options(0, 0x646464), DecodingProgress.NONE);

        assertThat(split.train().exampleShape().getShape()).containsExactly(1, 1, 3);
        assertThat(firstImage(options(0, 0x646464))).containsExactly(200, 120, 100);
    }

    @Test
    void aTransparentGreyImageOverAColouredBackgroundIsColourAndItsLumaIsTheComposite() throws IOException {
        // level 200 opaque, then fully transparent over red
        twice(ImageFiles.greyAlpha(dir.resolve("ga.png"), 2, 1, (x, y) -> 200 << 8 | (x == 0 ? 255 : 0)));

        DataSplit split = DataSources.load(options(0, 0xFF0000), DecodingProgress.NONE);

        assertThat(split.train().exampleShape().getShape()).containsExactly(3, 1, 2);
        assertThat(firstImage(options(0, 0xFF0000))).containsExactly(200, 255, 200, 0, 200, 0);
        // the luma of red: 0.299 * 255 = 76.2
        assertThat(firstImage(options(1, 0xFF0000))).containsExactly(200, 76);
    }

    @Test
    void oneChannelIsTheLumaOfBt601() throws IOException {
        twice(ImageFiles.rgb(dir.resolve("c.png"), W, H, ImageColoursTest::colour));

        int[] values = firstImage(options(1, 0xFFFFFF));

        int[] rgb = planes();
        int plane = W * H;
        assertThat(values).hasSize(plane);
        for (int i = 0; i < plane; i++) {
            long luma = Math.round(0.299 * rgb[i] + 0.587 * rgb[plane + i] + 0.114 * rgb[2 * plane + i]);
            assertThat(values[i]).as("pixel " + i).isEqualTo((int) luma);
        }
        // one by hand: (x, y) = (0, 0) is (10, 200, 0): 2.99 + 117.4 + 0 = 120.39
        assertThat(values[0]).isEqualTo(120);
    }

    @Test
    void threeChannelsFromGreyRepeatTheLevel() throws IOException {
        twice(ImageFiles.grey(dir.resolve("g.png"), 2, 1, (x, y) -> 77 + 100 * x));

        assertThat(firstImage(options(3, 0xFFFFFF))).containsExactly(77, 177, 77, 177, 77, 177);
    }

    @Test
    void aFolderMixingGreyAndColourIsColourWithTheGreyRepeated() throws IOException {
        ImageFiles.grey(dir.resolve("a.png"), 1, 1, (x, y) -> 66);
        ImageFiles.rgb(dir.resolve("b.png"), 1, 1, (x, y) -> 0x102030);
        DataOptions options = options(0, 0xFFFFFF);
        options = new DataOptions(
                options.source(), 0, 0, 0xFFFFFF, 0.5, options.labelColumn(), "x", "y", options.cache());

        DataSplit split = DataSources.load(options, DecodingProgress.NONE);

        assertThat(split.train().exampleShape().getShape()).containsExactly(3, 1, 1);
        byte[] both = new byte[6];
        System.arraycopy(split.train().bytes(), 0, both, 0, 3);
        System.arraycopy(split.test().bytes(), 0, both, 3, 3);
        assertThat(both)
                .satisfiesAnyOf(
                        b -> assertThat(b).containsExactly(66, 66, 66, 0x10, 0x20, 0x30),
                        b -> assertThat(b).containsExactly(0x10, 0x20, 0x30, 66, 66, 66));
    }
}
