package dev.genzoo.contract;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-example values of a Monte Carlo quantity (a bound, the gap between a bound and log p(x), the
 * change a training run made), with their mean and the mean's standard error: the sample standard
 * deviation over sqrt(n). Immutable.
 */
public final class BoundEstimate {
    private final double[] values;
    private final double mean;
    private final double standardError;

    private BoundEstimate(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("an estimate needs at least two values, got " + values.length);
        }
        this.values = values.clone();
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        standardError = Math.sqrt(squares / (values.length - 1) / values.length);
    }

    /**
     * The estimate of per-example values.
     *
     * @param values at least two values, one per example (and draw)
     * @return the estimate
     */
    public static BoundEstimate of(double[] values) {
        return new BoundEstimate(values);
    }

    /**
     * The paired difference this - other, example by example (the same examples in the same order,
     * so what they share cancels).
     *
     * @param other an estimate over the same examples
     * @return the differences
     */
    public BoundEstimate minus(BoundEstimate other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException(
                    "paired estimates need the same examples: " + values.length + " and " + other.values.length);
        }
        double[] difference = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            difference[i] = values[i] - other.values[i];
        }
        return new BoundEstimate(difference);
    }

    /**
     * The paired difference this - exact, example by example.
     *
     * @param exact one number per example, such as the exact log p(x)
     * @return the differences
     */
    public BoundEstimate minus(double[] exact) {
        return minus(new BoundEstimate(exact));
    }

    /**
     * The mean over examples.
     *
     * @return the mean
     */
    public double mean() {
        return mean;
    }

    /**
     * The standard error of the mean.
     *
     * @return sd / sqrt(n)
     */
    public double standardError() {
        return standardError;
    }

    /**
     * How many values.
     *
     * @return n
     */
    public int count() {
        return values.length;
    }

    /**
     * Whether every value is a finite number.
     *
     * @return false if any is NaN or infinite
     */
    public boolean allFinite() {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f +- %.4f (standard error, n = %d)", mean, standardError, values.length);
    }
}
