package dev.genzoo.runtime.image;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An axis range whose ends and ticks are whole multiples of a "nice" step, 1, 2 or 5 times a
 * power of ten, and the compact text of a tick label.
 *
 * @param first the lowest tick as a multiple of the step
 * @param last the highest tick as a multiple of the step
 * @param step the distance between ticks
 */
record AxisTicks(long first, long last, double step) {
    /** Below this |value| (and above {@link #LARGE}) labels switch to scientific notation. */
    private static final double SMALL = 1e-2;

    private static final double LARGE = 1e5;

    /**
     * The nice range covering [min, max] with about {@code target} steps. A range with no width
     * is widened by 10% of its value (or to [-1, 1] around 0); a range with no finite end
     * becomes [0, 1]. Never throws.
     *
     * @param min the smallest value to show
     * @param max the largest value to show
     * @param target the number of steps wanted, at least 1
     * @return the ticks
     */
    static AxisTicks spanning(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            return spanning(0, 1, target);
        }
        double low = min;
        double high = max;
        if (high - low <= 1e-9 * Math.max(Math.abs(low), Math.abs(high))) {
            double centre = low / 2 + high / 2;
            double pad = centre == 0 ? 1 : Math.abs(centre) * 0.1;
            low = centre - pad;
            high = centre + pad;
        }
        double step = niceStep((high - low) / Math.max(1, target));
        return new AxisTicks((long) Math.floor(low / step), (long) Math.ceil(high / step), step);
    }

    /**
     * Ticks on nice round values inside [min, max], for an axis whose ends are fixed (a 2-D plot
     * whose two axes must keep one scale): multiples of 1, 2 or 5 times a power of ten, about
     * {@code target} steps apart across the range.
     *
     * @param min the axis' lower end, finite
     * @param max its upper end, greater than min
     * @param target the number of steps wanted, at least 1
     * @return the tick values, increasing
     */
    static double[] within(double min, double max, int target) {
        double step = niceStep((max - min) / Math.max(1, target));
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        double[] values = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (first + i) * step;
        }
        return values;
    }

    /**
     * The nice range for an axis of whole numbers (epochs): as {@link #spanning}, with steps of at
     * least 1, and a single value widened to one step either side.
     *
     * @param min the smallest value to show
     * @param max the largest value to show
     * @param target the number of steps wanted, at least 1
     * @return the ticks
     */
    static AxisTicks spanningWhole(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            return spanning(0, 1, target);
        }
        double low = Math.floor(min);
        double high = Math.ceil(max);
        if (high == low) {
            low -= 1;
            high += 1;
        }
        double step = Math.max(1, niceStep((high - low) / Math.max(1, target)));
        return new AxisTicks((long) Math.floor(low / step), (long) Math.ceil(high / step), step);
    }

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code raw}. */
    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double slack = 1 + 1e-9; // 0.2 / 10 is 0.020000000000000004, which should still give 0.02
        double nice = fraction <= slack ? 1 : fraction <= 2 * slack ? 2 : fraction <= 5 * slack ? 5 : 10;
        return nice * power;
    }

    /** The lowest tick, where the axis starts. */
    double low() {
        return first * step;
    }

    /** The highest tick, where the axis ends. */
    double high() {
        return last * step;
    }

    /** Every tick from {@link #low()} to {@link #high()}. */
    double[] values() {
        double[] values = new double[(int) (last - first + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (first + i) * step;
        }
        return values;
    }

    /**
     * A tick label as short as it can be: "0", plain decimals such as "0.5", "120" or "-85.25"
     * for magnitudes from 0.01 to below 100000 (at most 6 significant digits, so floating-point
     * noise disappears), and otherwise a mantissa of at most 4 significant digits with a power of
     * ten, such as "1.2e-3" or "1e6".
     *
     * @param value the tick value
     * @return its label; "nan", "inf" or "-inf" for non-finite values
     */
    static String label(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= SMALL && magnitude < LARGE) {
            return plain(new BigDecimal(value).round(new MathContext(6)));
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
        int exponent = rounded.precision() - rounded.scale() - 1;
        return plain(rounded.movePointLeft(exponent)) + "e" + exponent;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
