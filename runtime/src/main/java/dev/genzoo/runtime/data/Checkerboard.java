package dev.genzoo.runtime.data;

import java.util.SplittableRandom;

/**
 * The uniform distribution on the dark squares of a 4x4 board over [-2, 2)^2, a density with sharp
 * edges (Grathwohl et al. 2019); a square is dark when floor(x) + floor(y) is even, which makes
 * the corner square at (-2, -2) dark.
 */
final class Checkerboard implements ToyDistribution {
    /** The lowest coordinate on the board, in both axes; the board is 4 unit squares wide. */
    static final int LOW = -2;

    /** The number of squares along each side. */
    static final int SQUARES = 4;

    @Override
    public String name() {
        return "checkerboard";
    }

    @Override
    public long seed() {
        return 0xC4EC_4B0AL;
    }

    @Override
    public void draw(SplittableRandom random, float[] points, int at) {
        int column = LOW + random.nextInt(SQUARES);
        // Of the 4 rows, the 2 whose parity matches the column's; floorMod keeps it 0 or 1.
        int row = LOW + 2 * random.nextInt(SQUARES / 2) + Math.floorMod(column - LOW, 2);
        points[at] = within(column, random.nextDouble());
        points[at + 1] = within(row, random.nextDouble());
    }

    /** cell + u as a float kept inside [cell, cell + 1), which rounding to float could leave. */
    private static float within(int cell, double u) {
        float value = (float) (cell + u);
        return value < cell + 1 ? value : Math.nextDown((float) (cell + 1));
    }
}
