package dev.genzoo.runtime.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of per-epoch series (train and test loss), as PNG.
 *
 * <p>Both axes are scaled to cover every finite point, with ticks on nice round numbers; each
 * series gets its own colour and a legend entry. A point whose x or y is NaN or infinite is
 * skipped and breaks the line there; a point with no finite neighbour is drawn as a small
 * square, so that a one-epoch run still shows. Charts without any finite point are drawn with
 * empty axes. Instances are immutable; build them with {@link #builder(String)}.
 */
public final class LineChart {
    /** One named series; x and y have equal lengths. */
    record Series(String name, double[] x, double[] y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final int width;
    private final int height;
    private final boolean wholeX;

    private LineChart(Builder builder) {
        title = builder.title;
        xLabel = builder.xLabel;
        yLabel = builder.yLabel;
        series = List.copyOf(builder.series);
        width = builder.width;
        height = builder.height;
        wholeX = builder.wholeX;
    }

    /**
     * Starts a chart.
     *
     * @param title the title drawn above the plot
     * @return a builder with no series, no axis labels and a size of 640 x 400 pixels
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * Draws the chart and writes it atomically as PNG.
     *
     * @param file the PNG file; its folder must exist
     * @throws dev.genzoo.api.GenzooException naming the file, if it cannot be written
     */
    public void write(Path file) {
        LineChartPainter.paint(title, xLabel, yLabel, series, width, height, wholeX)
                .write(file);
    }

    /** Collects the title, axis labels, series and size of a {@link LineChart}. */
    public static final class Builder {
        /** The smallest picture that still leaves room for the plot between its labels. */
        static final int MIN_WIDTH = 200;

        static final int MIN_HEIGHT = 150;

        private final String title;
        private String xLabel = "";
        private String yLabel = "";
        private final List<Series> series = new ArrayList<>();
        private int width = 640;
        private int height = 400;
        private boolean wholeX;

        private Builder(String title) {
            this.title = title == null ? "" : title;
        }

        /**
         * Sets the label under the x axis.
         *
         * @param label the label, such as "epoch"
         * @return this builder
         */
        public Builder xLabel(String label) {
            xLabel = label == null ? "" : label;
            return this;
        }

        /**
         * Sets the label above the y axis.
         *
         * @param label the label, such as "loss (nats)"
         * @return this builder
         */
        public Builder yLabel(String label) {
            yLabel = label == null ? "" : label;
            return this;
        }

        /**
         * Puts the x ticks on whole numbers only (epochs), a single x value between two ticks.
         *
         * @return this builder
         */
        public Builder wholeX() {
            wholeX = true;
            return this;
        }

        /**
         * Adds a series; the arrays are copied.
         *
         * @param name the name shown in the legend
         * @param x the x values
         * @param y the y values, as many as x; NaN and infinite values are skipped
         * @return this builder
         * @throws IllegalArgumentException if x and y differ in length
         */
        public Builder series(String name, double[] x, double[] y) {
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                        "Series '" + name + "' has " + x.length + " x values but " + y.length + " y values.");
            }
            series.add(new Series(name == null ? "" : name, x.clone(), y.clone()));
            return this;
        }

        /**
         * Sets the picture size.
         *
         * @param width width in pixels, at least 200
         * @param height height in pixels, at least 150
         * @return this builder
         * @throws IllegalArgumentException if the picture would be too small for a plot
         */
        public Builder size(int width, int height) {
            if (width < MIN_WIDTH || height < MIN_HEIGHT) {
                throw new IllegalArgumentException("A line chart needs at least " + MIN_WIDTH + " x " + MIN_HEIGHT
                        + " pixels, not " + width + " x " + height + ".");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Makes the chart; the builder may be reused afterwards without affecting it.
         *
         * @return the chart
         */
        public LineChart build() {
            return new LineChart(this);
        }
    }
}
