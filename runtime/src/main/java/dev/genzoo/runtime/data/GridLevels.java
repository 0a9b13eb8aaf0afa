package dev.genzoo.runtime.data;

import java.util.Arrays;

/**
 * The number of evenly spaced levels K that values in [0, 1] lie on, 0, 1 / (K - 1), ..., 1, for
 * the smallest K up to 256 (17 for the bundled digits, 256 for 8-bit images, 2 for binary ones), or
 * why there is none.
 *
 * @param levels K, at least 2; 0 when the values lie on no such grid
 * @param whyNone why they do not, for messages; empty when they do
 */
record GridLevels(int levels, String whyNone) {
    /** The most levels a grid may have: 8-bit pixels. */
    static final int MAX_LEVELS = 256;

    private static final double ON_GRID = 1e-4;

    /**
     * The grid of some values, all arrays together.
     *
     * @param arrays the values
     * @return the grid, or why there is none
     */
    static GridLevels of(float[]... arrays) {
        float[] distinct = new float[MAX_LEVELS];
        int count = 0;
        for (float[] values : arrays) {
            float last = Float.NaN;
            for (float v : values) {
                if (v == last) {
                    continue;
                }
                if (!(v >= 0f && v <= 1f)) {
                    return new GridLevels(0, "it holds " + v + ", outside [0, 1]");
                }
                int at = Arrays.binarySearch(distinct, 0, count, v);
                if (at < 0) {
                    if (count == MAX_LEVELS) {
                        return new GridLevels(0, "it holds more than " + MAX_LEVELS + " distinct values");
                    }
                    int insert = -at - 1;
                    System.arraycopy(distinct, insert, distinct, insert + 1, count - insert);
                    distinct[insert] = v;
                    count++;
                }
                last = v;
            }
        }
        for (int steps = 1; steps < MAX_LEVELS; steps++) {
            if (onGrid(distinct, count, steps)) {
                return new GridLevels(steps + 1, "");
            }
        }
        return new GridLevels(0, "its values lie on no grid of at most " + MAX_LEVELS + " levels");
    }

    private static boolean onGrid(float[] values, int count, int steps) {
        for (int i = 0; i < count; i++) {
            double scaled = values[i] * (double) steps;
            if (Math.abs(scaled - Math.rint(scaled)) > ON_GRID) {
                return false;
            }
        }
        return true;
    }
}
