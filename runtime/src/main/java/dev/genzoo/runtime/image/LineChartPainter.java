package dev.genzoo.runtime.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and draws a {@link LineChart}: title on top, the y label above the plot, tick labels
 * left of and below it, the x label at the bottom, and the legend in the corner of the plot that
 * covers the least data.
 */
final class LineChartPainter {
    private static final int MARGIN = 8;
    private static final int PAD = 4;
    private static final int TITLE_SCALE = 2;
    private static final int TICK = 3;
    private static final int LINE = 2;
    private static final int MARKER = 5;
    /** Rows from the top of a line of text to the middle of a digit. */
    private static final int TEXT_MIDDLE = 3;
    /** Room right of the plot for half of the last x tick label. */
    private static final int RIGHT = 24;

    private final Canvas canvas;
    private int left;
    private int top;
    private int plotWidth;
    private int plotHeight;
    private AxisTicks xTicks;
    private AxisTicks yTicks;

    private LineChartPainter(int width, int height) {
        canvas = new Canvas(width, height, Colours.PAPER);
    }

    /**
     * Draws a chart.
     *
     * @param title the title
     * @param xLabel the x axis label, possibly empty
     * @param yLabel the y axis label, possibly empty
     * @param series the series, in legend order
     * @param width picture width, at least {@link LineChart.Builder#MIN_WIDTH}
     * @param height picture height, at least {@link LineChart.Builder#MIN_HEIGHT}
     * @param wholeX whether x ticks are whole numbers only
     * @return the picture
     */
    static Canvas paint(
            String title,
            String xLabel,
            String yLabel,
            List<LineChart.Series> series,
            int width,
            int height,
            boolean wholeX) {
        LineChartPainter painter = new LineChartPainter(width, height);
        painter.labels(title, xLabel, yLabel, series, wholeX);
        painter.axes();
        for (int i = 0; i < series.size(); i++) {
            painter.series(series.get(i), Colours.series(i));
        }
        painter.legend(series);
        return painter.canvas;
    }

    /** Draws title and axis labels and fixes the plot rectangle and the ticks. */
    private void labels(String title, String xLabel, String yLabel, List<LineChart.Series> series, boolean wholeX) {
        int text = BitmapFont.HEIGHT;
        int width = canvas.width();
        int height = canvas.height();
        canvas.text(title, (width - BitmapFont.width(title) * TITLE_SCALE) / 2, MARGIN, Colours.INK, TITLE_SCALE);
        top = MARGIN + text * TITLE_SCALE + MARGIN + (yLabel.isEmpty() ? 0 : text + PAD);
        int bottom = height - MARGIN - (xLabel.isEmpty() ? 0 : text + PAD) - text - PAD - TICK;
        plotHeight = bottom - top;
        double[] box = bounds(series);
        yTicks = AxisTicks.spanning(box[2], box[3], Math.max(2, plotHeight / 50));
        int labelWidth = 0;
        for (double v : yTicks.values()) {
            labelWidth = Math.max(labelWidth, BitmapFont.width(AxisTicks.label(v)));
        }
        left = MARGIN + labelWidth + PAD + TICK;
        plotWidth = width - RIGHT - left;
        int target = Math.max(2, plotWidth / 80);
        xTicks = wholeX ? AxisTicks.spanningWhole(box[0], box[1], target) : AxisTicks.spanning(box[0], box[1], target);
        canvas.text(yLabel, MARGIN, top - PAD - text, Colours.INK, 1);
        canvas.text(xLabel, left + (plotWidth - BitmapFont.width(xLabel)) / 2, height - MARGIN - text, Colours.INK, 1);
    }

    /** Grid lines, tick marks, tick labels and the frame. */
    private void axes() {
        for (double v : yTicks.values()) {
            int row = row(v);
            String label = AxisTicks.label(v);
            canvas.fill(left, row, plotWidth, 1, Colours.GRID);
            canvas.fill(left - TICK, row, TICK, 1, Colours.INK);
            canvas.text(label, left - TICK - PAD - BitmapFont.width(label), row - TEXT_MIDDLE, Colours.INK, 1);
        }
        for (double v : xTicks.values()) {
            int column = column(v);
            String label = AxisTicks.label(v);
            canvas.fill(column, top, 1, plotHeight, Colours.GRID);
            canvas.fill(column, top + plotHeight, 1, TICK, Colours.INK);
            canvas.text(label, column - BitmapFont.width(label) / 2, top + plotHeight + TICK + PAD, Colours.INK, 1);
        }
        canvas.outline(left - 1, top - 1, plotWidth + 2, plotHeight + 2, Colours.INK);
    }

    /** Joins neighbouring finite points; marks finite points that have no finite neighbour. */
    private void series(LineChart.Series s, int rgb) {
        double[] x = s.x();
        double[] y = s.y();
        for (int k = 0; k < x.length; k++) {
            if (!finite(s, k)) {
                continue;
            }
            boolean before = k > 0 && finite(s, k - 1);
            boolean after = k + 1 < x.length && finite(s, k + 1);
            if (before) {
                canvas.line(column(x[k - 1]), row(y[k - 1]), column(x[k]), row(y[k]), rgb, LINE);
            } else if (!after) {
                canvas.fill(column(x[k]) - MARKER / 2, row(y[k]) - MARKER / 2, MARKER, MARKER, rgb);
            }
        }
    }

    /** The legend in the corner of the plot that covers the least data (see {@link Legend}). */
    private void legend(List<LineChart.Series> series) {
        List<String> names = new ArrayList<>();
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            names.add(series.get(i).name());
            colours.add(Colours.series(i));
        }
        Legend.draw(canvas, left, top, plotWidth, plotHeight, names, colours, false);
    }

    private int column(double x) {
        return left + (int) Math.round(fraction(x, xTicks) * (plotWidth - 1));
    }

    private int row(double y) {
        return top + plotHeight - 1 - (int) Math.round(fraction(y, yTicks) * (plotHeight - 1));
    }

    private static double fraction(double value, AxisTicks ticks) {
        return (value - ticks.low()) / (ticks.high() - ticks.low());
    }

    private static boolean finite(LineChart.Series s, int k) {
        return Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k]);
    }

    /** xmin, xmax, ymin, ymax over every finite point; NaN where there is none. */
    private static double[] bounds(List<LineChart.Series> series) {
        double[] box = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (LineChart.Series s : series) {
            for (int k = 0; k < s.x().length; k++) {
                if (finite(s, k)) {
                    box[0] = Double.isNaN(box[0]) ? s.x()[k] : Math.min(box[0], s.x()[k]);
                    box[1] = Double.isNaN(box[1]) ? s.x()[k] : Math.max(box[1], s.x()[k]);
                    box[2] = Double.isNaN(box[2]) ? s.y()[k] : Math.min(box[2], s.y()[k]);
                    box[3] = Double.isNaN(box[3]) ? s.y()[k] : Math.max(box[3], s.y()[k]);
                }
            }
        }
        return box;
    }
}
