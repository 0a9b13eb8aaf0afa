package dev.genzoo.runtime.image;

import java.util.List;

/**
 * A boxed legend, one colour swatch and name per row, placed in the corner of a plot that hides the
 * fewest drawn pixels (top-right when several tie): a short line for the series of a chart, a
 * square dot for a set of points.
 */
final class Legend {
    private static final int MARGIN = 8;
    private static final int PAD = 4;
    private static final int SWATCH = 16;
    private static final int LINE = 2;
    private static final int DOT = 5;
    /** Rows from the top of a line of text to the middle of a digit. */
    private static final int TEXT_MIDDLE = 3;

    private Legend() {}

    /**
     * Draws the legend inside a plot rectangle.
     *
     * @param canvas the picture
     * @param left the plot's left edge
     * @param top the plot's top edge
     * @param width the plot's width
     * @param height the plot's height
     * @param names the entries, in order
     * @param colours each entry's colour
     * @param dots true for square dots (point sets), false for lines (series)
     */
    static void draw(
            Canvas canvas,
            int left,
            int top,
            int width,
            int height,
            List<String> names,
            List<Integer> colours,
            boolean dots) {
        if (names.isEmpty()) {
            return;
        }
        int pitch = BitmapFont.HEIGHT + 2;
        int nameWidth = 0;
        for (String name : names) {
            nameWidth = Math.max(nameWidth, BitmapFont.width(name));
        }
        int boxWidth = PAD + SWATCH + PAD + nameWidth + PAD;
        int boxHeight = 2 * PAD + names.size() * pitch - 2;
        int[] xs = {left + width - MARGIN - boxWidth, left + MARGIN};
        int[] ys = {top + MARGIN, top + height - MARGIN - boxHeight};
        int x = xs[0];
        int y = ys[0];
        int hidden = Integer.MAX_VALUE;
        for (int cy : ys) {
            for (int cx : xs) {
                int covered = drawnPixels(canvas, cx, cy, boxWidth, boxHeight);
                if (covered < hidden) {
                    hidden = covered;
                    x = cx;
                    y = cy;
                }
            }
        }
        canvas.fill(x, y, boxWidth, boxHeight, Colours.PAPER);
        canvas.outline(x, y, boxWidth, boxHeight, Colours.INK);
        for (int i = 0; i < names.size(); i++) {
            int rowTop = y + PAD + i * pitch;
            int middle = rowTop + TEXT_MIDDLE;
            if (dots) {
                canvas.fill(x + PAD + (SWATCH - DOT) / 2, middle - DOT / 2, DOT, DOT, colours.get(i));
            } else {
                canvas.line(x + PAD, middle, x + PAD + SWATCH - 1, middle, colours.get(i), LINE);
            }
            canvas.text(names.get(i), x + PAD + SWATCH + PAD, rowTop, Colours.INK, 1);
        }
    }

    /** Pixels in a rectangle that are neither paper nor grid. */
    private static int drawnPixels(Canvas canvas, int x, int y, int w, int h) {
        int n = 0;
        for (int j = Math.max(0, y); j < Math.min(canvas.height(), y + h); j++) {
            for (int i = Math.max(0, x); i < Math.min(canvas.width(), x + w); i++) {
                int rgb = canvas.rgb(i, j);
                if (rgb != Colours.PAPER && rgb != Colours.GRID) {
                    n++;
                }
            }
        }
        return n;
    }
}
