package dev.genzoo.runtime.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures of the plane a report can use as they stand: one square panel or a row of them over the
 * same region (one scale on both axes, so shapes are not distorted), a title above, ticks and
 * their values on the axes, a caption under each panel, a legend naming the sets of points, and
 * for a density a colour bar with the values its colours stand for.
 */
public final class PointFigure {
    private static final int MARGIN = 10;
    private static final int PAD = 4;
    private static final int TICK = 3;
    private static final int GAP = 18;
    private static final int BAR = 16;
    private static final int TITLE_SCALE = 2;
    private static final int TICKS = 5;
    /** Rows from the top of a line of text to the middle of a digit. */
    private static final int TEXT_MIDDLE = 3;

    /**
     * A named set of points.
     *
     * @param name its name in the legend
     * @param xy x0, y0, x1, y1, ...
     */
    public record Points(String name, float[] xy) {}

    private final Canvas canvas;
    private final double[] bounds;
    private final int size;
    private final int left;
    private final int top;

    private PointFigure(String title, double[] bounds, int size, int panels, int rightRoom) {
        ScatterPlot.checkBounds(bounds);
        Checks.positive("panel size", size);
        this.bounds = bounds.clone();
        this.size = size;
        int labelWidth = 0;
        for (double v : AxisTicks.within(bounds[2], bounds[3], TICKS)) {
            labelWidth = Math.max(labelWidth, BitmapFont.width(AxisTicks.label(v)));
        }
        left = MARGIN + labelWidth + PAD + TICK;
        top = MARGIN + BitmapFont.HEIGHT * TITLE_SCALE + MARGIN;
        int width = left + panels * size + (panels - 1) * GAP + rightRoom;
        int height = top + size + TICK + PAD + BitmapFont.HEIGHT + PAD + BitmapFont.HEIGHT + MARGIN;
        width = Math.max(width, 2 * MARGIN + BitmapFont.width(title) * TITLE_SCALE);
        canvas = new Canvas(width, height, Colours.PAPER);
        canvas.text(title, (width - BitmapFont.width(title) * TITLE_SCALE) / 2, MARGIN, Colours.INK, TITLE_SCALE);
    }

    /**
     * Writes sets of points over one region, the first set drawn first (under the others) and the
     * last, drawn on top, in the first series colour (blue samples over orange test points).
     *
     * @param file the PNG file; its folder must exist
     * @param title the title
     * @param sets the sets, each in its series colour, named in the legend
     * @param bounds xmin, xmax, ymin, ymax with the same width and height
     * @param size the panel's side in pixels
     */
    public static void scatter(Path file, String title, List<Points> sets, double[] bounds, int size) {
        PointFigure figure = new PointFigure(title, bounds, size, 1, MARGIN + PAD * 4);
        figure.panel(0, sets, "");
        figure.legend(sets);
        figure.canvas.write(file);
    }

    /**
     * Writes a row of panels over one region, each the reference set (drawn under) and one frame,
     * with a caption under each: the states of a sampling chain, say.
     *
     * @param file the PNG file; its folder must exist
     * @param title the title
     * @param reference a set drawn in every panel, or null
     * @param frames the sets of the panels, in order, named as the legend shall name them
     * @param captions one caption per frame ("t = 1000")
     * @param bounds xmin, xmax, ymin, ymax with the same width and height
     * @param size each panel's side in pixels
     */
    public static void strip(
            Path file,
            String title,
            Points reference,
            List<Points> frames,
            List<String> captions,
            double[] bounds,
            int size) {
        Checks.positive("number of frames", frames.size());
        Checks.length("captions", captions.size(), frames.size());
        PointFigure figure = new PointFigure(title, bounds, size, frames.size(), MARGIN + PAD * 4);
        for (int f = 0; f < frames.size(); f++) {
            List<Points> sets = new ArrayList<>();
            if (reference != null) {
                sets.add(reference);
            }
            sets.add(frames.get(f));
            figure.panel(f, sets, captions.get(f));
        }
        List<Points> named = new ArrayList<>();
        if (reference != null) {
            named.add(reference);
        }
        named.add(frames.get(0));
        figure.legend(named);
        figure.canvas.write(file);
    }

    /**
     * Writes a scalar field on a grid over the region as a heat map with a colour bar.
     *
     * @param file the PNG file; its folder must exist
     * @param title the title
     * @param quantity what the colours stand for, above the colour bar ("p(x)")
     * @param values {@code cells * cells} values, row-major, row 0 at the top (the largest y)
     * @param cells cells per side
     * @param bounds xmin, xmax, ymin, ymax with the same width and height
     * @param scale pixels per cell
     */
    public static void density(
            Path file, String title, String quantity, double[] values, int cells, double[] bounds, int scale) {
        Checks.length("density values", values.length, (long) cells * cells);
        int size = cells * scale;
        int labelWidth = BitmapFont.width("-0.0000e-00");
        int right = GAP + BAR + TICK + PAD + labelWidth + MARGIN;
        PointFigure figure = new PointFigure(title, bounds, size, 1, right);
        double[] range = HeatMap.paint(figure.canvas, figure.left, figure.top, values, cells, cells, scale);
        figure.axes(figure.left, "");
        figure.colourBar(figure.left + size + GAP, range, quantity);
        figure.canvas.write(file);
    }

    private void panel(int index, List<Points> sets, String caption) {
        int x = left + index * (size + GAP);
        canvas.fill(x, top, size, size, Colours.PAPER);
        for (double v : AxisTicks.within(bounds[0], bounds[1], TICKS)) {
            canvas.fill(x + ScatterPlot.column(v, bounds, size), top, 1, size, Colours.GRID);
        }
        for (double v : AxisTicks.within(bounds[2], bounds[3], TICKS)) {
            canvas.fill(x, top + ScatterPlot.row(v, bounds, size), size, 1, Colours.GRID);
        }
        for (int s = 0; s < sets.size(); s++) {
            ScatterPlot.draw(canvas, x, top, sets.get(s).xy(), bounds, size, colour(s, sets.size()));
        }
        axes(x, caption);
    }

    /** The frame of a panel, its x ticks and their values, and the caption under them. */
    private void axes(int x, String caption) {
        canvas.outline(x - 1, top - 1, size + 2, size + 2, Colours.INK);
        int below = top + size + TICK + PAD;
        for (double v : AxisTicks.within(bounds[0], bounds[1], TICKS)) {
            int column = x + ScatterPlot.column(v, bounds, size);
            String label = AxisTicks.label(v);
            canvas.fill(column, top + size + 1, 1, TICK, Colours.INK);
            canvas.text(label, column - BitmapFont.width(label) / 2, below, Colours.INK, 1);
        }
        if (left == x) {
            for (double v : AxisTicks.within(bounds[2], bounds[3], TICKS)) {
                int row = top + ScatterPlot.row(v, bounds, size);
                String label = AxisTicks.label(v);
                canvas.fill(x - TICK - 1, row, TICK, 1, Colours.INK);
                canvas.text(label, x - TICK - PAD - BitmapFont.width(label), row - TEXT_MIDDLE, Colours.INK, 1);
            }
        }
        canvas.text(
                caption, x + (size - BitmapFont.width(caption)) / 2, below + BitmapFont.HEIGHT + PAD, Colours.INK, 1);
    }

    /** The last set drawn (the model's, on top) takes the first series colour, those under it the next. */
    private static int colour(int index, int sets) {
        return Colours.series(sets - 1 - index);
    }

    private void legend(List<Points> sets) {
        List<String> names = new ArrayList<>();
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            names.add(sets.get(i).name());
            colours.add(colour(i, sets.size()));
        }
        Legend.draw(canvas, left, top, size, size, names, colours, true);
    }

    /** A vertical ramp from the least value (bottom) to the greatest (top), with ticks and values. */
    private void colourBar(int x, double[] range, String quantity) {
        canvas.text(quantity, x, top - PAD - BitmapFont.HEIGHT, Colours.INK, 1);
        for (int r = 0; r < size; r++) {
            canvas.fill(x, top + r, BAR, 1, Colours.ramp(1 - (double) r / (size - 1)));
        }
        canvas.outline(x - 1, top - 1, BAR + 2, size + 2, Colours.INK);
        if (!(range[0] < range[1])) {
            return;
        }
        for (double v : AxisTicks.within(range[0], range[1], TICKS)) {
            int row = top + (int) Math.round((range[1] - v) / (range[1] - range[0]) * (size - 1));
            String label = AxisTicks.label(v);
            canvas.fill(x + BAR + 1, row, TICK, 1, Colours.INK);
            canvas.text(label, x + BAR + TICK + PAD, row - TEXT_MIDDLE, Colours.INK, 1);
        }
    }
}
