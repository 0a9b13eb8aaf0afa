package dev.genzoo.runtime.image;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built-in 5 x 7 pixel font (digits, both cases of the Latin letters and the punctuation of
 * numbers and labels), drawn pixel by pixel so that text never needs a system font.
 *
 * <p>A character cell is 5 columns wide with 1 column of spacing, and 9 rows tall: 7 rows for
 * capitals and digits, the lowest 2 for the descenders of g, p, q and y. A character the font
 * lacks is drawn as a hollow box, so that missing text is visible rather than silently dropped.
 */
final class BitmapFont {
    /** Height of one line of text at scale 1, descenders included. */
    static final int HEIGHT = 9;

    private static final int GLYPH_WIDTH = 5;
    private static final int GLYPH_ROWS = 7;
    private static final int ADVANCE = GLYPH_WIDTH + 1;
    private static final String DESCENDERS = "gpqy";
    private static final Map<Character, byte[]> GLYPHS = new LinkedHashMap<>();
    /** What a character the font lacks looks like. */
    private static final byte[] BOX = parse("##### #...# #...# #...# #...# #...# #####");

    static {
        glyph(' ', "..... ..... ..... ..... ..... ..... .....");
        glyph('0', ".###. #...# #..## #.#.# ##..# #...# .###.");
        glyph('1', "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.");
        glyph('2', ".###. #...# ....# ...#. ..#.. .#... #####");
        glyph('3', "##### ...#. ..#.. ...#. ....# #...# .###.");
        glyph('4', "...#. ..##. .#.#. #..#. ##### ...#. ...#.");
        glyph('5', "##### #.... ####. ....# ....# #...# .###.");
        glyph('6', "..##. .#... #.... ####. #...# #...# .###.");
        glyph('7', "##### ....# ...#. ..#.. .#... .#... .#...");
        glyph('8', ".###. #...# #...# .###. #...# #...# .###.");
        glyph('9', ".###. #...# #...# .#### ....# ...#. .##..");
        glyph('A', ".###. #...# #...# ##### #...# #...# #...#");
        glyph('B', "####. #...# #...# ####. #...# #...# ####.");
        glyph('C', ".###. #...# #.... #.... #.... #...# .###.");
        glyph('D', "###.. #..#. #...# #...# #...# #..#. ###..");
        glyph('E', "##### #.... #.... ####. #.... #.... #####");
        glyph('F', "##### #.... #.... ####. #.... #.... #....");
        glyph('G', ".###. #...# #.... #.### #...# #...# .####");
        glyph('H', "#...# #...# #...# ##### #...# #...# #...#");
        glyph('I', ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.");
        glyph('J', "..### ...#. ...#. ...#. ...#. #..#. .##..");
        glyph('K', "#...# #..#. #.#.. ##... #.#.. #..#. #...#");
        glyph('L', "#.... #.... #.... #.... #.... #.... #####");
        glyph('M', "#...# ##.## #.#.# #.#.# #...# #...# #...#");
        glyph('N', "#...# #...# ##..# #.#.# #..## #...# #...#");
        glyph('O', ".###. #...# #...# #...# #...# #...# .###.");
        glyph('P', "####. #...# #...# ####. #.... #.... #....");
        glyph('Q', ".###. #...# #...# #...# #.#.# #..#. .##.#");
        glyph('R', "####. #...# #...# ####. #.#.. #..#. #...#");
        glyph('S', ".#### #.... #.... .###. ....# ....# ####.");
        glyph('T', "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..");
        glyph('U', "#...# #...# #...# #...# #...# #...# .###.");
        glyph('V', "#...# #...# #...# #...# #...# .#.#. ..#..");
        glyph('W', "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.");
        glyph('X', "#...# #...# .#.#. ..#.. .#.#. #...# #...#");
        glyph('Y', "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..");
        glyph('Z', "##### ....# ...#. ..#.. .#... #.... #####");
        glyph('a', "..... ..... .###. ....# .#### #...# .####");
        glyph('b', "#.... #.... #.##. ##..# #...# #...# ####.");
        glyph('c', "..... ..... .###. #.... #.... #...# .###.");
        glyph('d', "....# ....# .##.# #..## #...# #...# .####");
        glyph('e', "..... ..... .###. #...# ##### #.... .###.");
        glyph('f', "..##. .#..# .#... ###.. .#... .#... .#...");
        glyph('g', ".#### #...# #...# .#### ....# ....# .###.");
        glyph('h', "#.... #.... #.##. ##..# #...# #...# #...#");
        glyph('i', "..#.. ..... .##.. ..#.. ..#.. ..#.. .###.");
        glyph('j', "...#. ..... ..##. ...#. ...#. #..#. .##..");
        glyph('k', "#.... #.... #..#. #.#.. ##... #.#.. #..#.");
        glyph('l', ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.");
        glyph('m', "..... ..... ##.#. #.#.# #.#.# #...# #...#");
        glyph('n', "..... ..... #.##. ##..# #...# #...# #...#");
        glyph('o', "..... ..... .###. #...# #...# #...# .###.");
        glyph('p', "####. #...# #...# ####. #.... #.... #....");
        glyph('q', ".#### #...# #...# .#### ....# ....# ....#");
        glyph('r', "..... ..... #.##. ##..# #.... #.... #....");
        glyph('s', "..... ..... .#### #.... .###. ....# ####.");
        glyph('t', ".#... .#... ###.. .#... .#... .#..# ..##.");
        glyph('u', "..... ..... #...# #...# #...# #..## .##.#");
        glyph('v', "..... ..... #...# #...# #...# .#.#. ..#..");
        glyph('w', "..... ..... #...# #...# #.#.# #.#.# .#.#.");
        glyph('x', "..... ..... #...# .#.#. ..#.. .#.#. #...#");
        glyph('y', "#...# #...# #...# .#### ....# #...# .###.");
        glyph('z', "..... ..... ##### ...#. ..#.. .#... #####");
        glyph('.', "..... ..... ..... ..... ..... .##.. .##..");
        glyph(',', "..... ..... ..... ..... .##.. ..#.. .#...");
        glyph(':', "..... .##.. .##.. ..... .##.. .##.. .....");
        glyph(';', "..... .##.. .##.. ..... .##.. ..#.. .#...");
        glyph('-', "..... ..... ..... .###. ..... ..... .....");
        glyph('+', "..... ..#.. ..#.. ##### ..#.. ..#.. .....");
        glyph('=', "..... ..... ##### ..... ##### ..... .....");
        glyph('_', "..... ..... ..... ..... ..... ..... #####");
        glyph('/', "..... ....# ...#. ..#.. .#... #.... .....");
        glyph('%', "##... ##..# ...#. ..#.. .#... #..## ...##");
        glyph('(', "...#. ..#.. .#... .#... .#... ..#.. ...#.");
        glyph(')', ".#... ..#.. ...#. ...#. ...#. ..#.. .#...");
        glyph('[', ".###. .#... .#... .#... .#... .#... .###.");
        glyph(']', ".###. ...#. ...#. ...#. ...#. ...#. .###.");
        glyph('<', "...#. ..#.. .#... #.... .#... ..#.. ...#.");
        glyph('>', ".#... ..#.. ...#. ....# ...#. ..#.. .#...");
        glyph('*', "..... ..#.. #.#.# .###. #.#.# ..#.. .....");
        glyph('!', "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..");
        glyph('?', ".###. #...# ....# ...#. ..#.. ..... ..#..");
        glyph('|', "..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#..");
        glyph('\'', "..#.. ..#.. .#... ..... ..... ..... .....");
        glyph('^', "..#.. .#.#. #...# ..... ..... ..... .....");
    }

    private BitmapFont() {}

    /**
     * The width of a text at scale 1: 6 pixels per character less the spacing after the last.
     * At scale s the text is exactly s times as wide.
     *
     * @param text the text
     * @return width in pixels, 0 for the empty text
     */
    static int width(String text) {
        return text.isEmpty() ? 0 : ADVANCE * text.length() - 1;
    }

    /**
     * Draws a single line of text, clipped to the image. The cell of the first character has its
     * top-left corner at (x, y) and the text covers {@code width(text) * scale} by
     * {@code HEIGHT * scale} pixels; only lit pixels are painted.
     *
     * @param image the image to draw on
     * @param text the text; characters the font lacks (line breaks included) appear as boxes
     * @param x left edge in pixels
     * @param y top edge in pixels
     * @param rgb the colour as 0xRRGGBB
     * @param scale the side of one font pixel in image pixels, at least 1
     */
    static void draw(BufferedImage image, String text, int x, int y, int rgb, int scale) {
        Checks.positive("text scale", scale);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            byte[] rows = GLYPHS.getOrDefault(c, BOX);
            int top = y + (DESCENDERS.indexOf(c) >= 0 ? HEIGHT - GLYPH_ROWS : 0) * scale;
            int left = x + k * ADVANCE * scale;
            for (int row = 0; row < GLYPH_ROWS; row++) {
                for (int column = 0; column < GLYPH_WIDTH; column++) {
                    if ((rows[row] & (1 << (GLYPH_WIDTH - 1 - column))) != 0) {
                        Canvas.fill(image, left + column * scale, top + row * scale, scale, scale, rgb);
                    }
                }
            }
        }
    }

    /**
     * Whether the font has a glyph of its own for a character.
     *
     * @param c the character
     * @return false for characters drawn as a box
     */
    static boolean supports(char c) {
        return GLYPHS.containsKey(c);
    }

    /**
     * Every character with a glyph of its own, in the order they were defined.
     *
     * @return the characters, space included
     */
    static String characters() {
        StringBuilder all = new StringBuilder();
        GLYPHS.keySet().forEach(all::append);
        return all.toString();
    }

    private static void glyph(char c, String picture) {
        GLYPHS.put(c, parse(picture));
    }

    /** Seven space-separated rows of five '#' (lit) or '.' (dark) become seven 5-bit masks. */
    private static byte[] parse(String picture) {
        String[] rows = picture.split(" ");
        byte[] masks = new byte[GLYPH_ROWS];
        for (int row = 0; row < GLYPH_ROWS; row++) {
            for (int column = 0; column < GLYPH_WIDTH; column++) {
                masks[row] = (byte) ((masks[row] << 1) | (rows[row].charAt(column) == '#' ? 1 : 0));
            }
        }
        return masks;
    }
}
