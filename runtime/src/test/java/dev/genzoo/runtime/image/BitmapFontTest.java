package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BitmapFontTest {
    private static final int LIT = 0xFFFFFF;

    @Test
    void theCharactersOfNumbersAndLabelsAreAllSupported() {
        String needed = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,-+:()=/%_ ";
        for (char c : needed.toCharArray()) {
            assertThat(BitmapFont.supports(c)).as("'%s'", c).isTrue();
        }
        assertThat(BitmapFont.supports('\u20AC')).isFalse();
    }

    @Test
    void everyGlyphButSpaceLightsPixelsAndNoTwoLookAlike() {
        Map<String, Character> seen = new HashMap<>();
        for (char c : BitmapFont.characters().toCharArray()) {
            String pixels = render(String.valueOf(c));
            int lit = pixels.replace(".", "").length();
            if (c == ' ') {
                assertThat(lit).isZero();
            } else {
                assertThat(lit).as("lit pixels of '%s'", c).isPositive();
            }
            Character twin = seen.put(pixels, c);
            assertThat(twin).as("'%s' looks like '%s'", c, twin).isNull();
        }
    }

    @Test
    void unsupportedCharactersAreDrawnAsHollowBoxes() {
        BufferedImage image = new BufferedImage(5, 9, BufferedImage.TYPE_INT_RGB);
        BitmapFont.draw(image, "\u20AC", 0, 0, LIT, 1);
        for (int[] corner : new int[][] {{0, 0}, {4, 0}, {0, 6}, {4, 6}, {2, 0}, {0, 3}}) {
            assertThat(Pictures.rgb(image, corner[0], corner[1]))
                    .as("(%d, %d)", corner[0], corner[1])
                    .isEqualTo(LIT);
        }
        assertThat(Pictures.rgb(image, 2, 3)).isZero();
        assertThat(Pictures.count(image, LIT, 0, 7, 5, 9)).isZero();
    }

    @Test
    void widthIsExactlyWhatDrawingCovers() {
        assertThat(BitmapFont.width("")).isZero();
        assertThat(BitmapFont.width("ab")).isEqualTo(11);
        String text = "W1.5e-3 gM";
        int scale = 2;
        BufferedImage image = new BufferedImage(200, 40, BufferedImage.TYPE_INT_RGB);
        BitmapFont.draw(image, text, 3, 2, LIT, scale);
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Pictures.rgb(image, x, y) == LIT) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        // W lights its first column, M its last, W its top row and g the bottom of its descender.
        assertThat(minX).isEqualTo(3);
        assertThat(maxX).isEqualTo(3 + BitmapFont.width(text) * scale - 1);
        assertThat(minY).isEqualTo(2);
        assertThat(maxY).isEqualTo(2 + BitmapFont.HEIGHT * scale - 1);
    }

    @Test
    void textIsClippedAtTheEdges() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        assertThatCode(() -> {
                    BitmapFont.draw(image, "clipped", -8, -4, LIT, 2);
                    BitmapFont.draw(image, "clipped", 7, 6, LIT, 3);
                })
                .doesNotThrowAnyException();
        assertThat(Pictures.count(image, LIT, 0, 0, 10, 10)).isPositive();
    }

    /** A character drawn at scale 1, as rows of '#' and '.'. */
    private static String render(String text) {
        BufferedImage image = new BufferedImage(BitmapFont.width(text), BitmapFont.HEIGHT, BufferedImage.TYPE_INT_RGB);
        BitmapFont.draw(image, text, 0, 0, LIT, 1);
        StringBuilder pixels = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels.append(Pictures.rgb(image, x, y) == LIT ? '#' : '.');
            }
        }
        return pixels.toString();
    }
}
