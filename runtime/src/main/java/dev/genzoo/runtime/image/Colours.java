package dev.genzoo.runtime.image;

/**
 * The colours every picture shares: a sequential ramp for scalar fields, distinct colours for
 * series, and the fixed colours of paper, ink, grid lines and markers (all as 0xRRGGBB).
 */
final class Colours {
    /** Picture background. */
    static final int PAPER = 0xFFFFFF;
    /** Text, axes and frames. */
    static final int INK = 0x202020;
    /** Grid lines behind plotted data. */
    static final int GRID = 0xE0E0E0;
    /** The mid-grey between the cells of an image grid. */
    static final int SEPARATOR = 0x808080;
    /** A pixel whose value is NaN in an image grid: pure red, which no grey sample can be. */
    static final int NAN_MARKER = 0xFF0000;
    /** A cell whose value is NaN or infinite in a heat map. */
    static final int MISSING = 0x000000;

    /**
     * Control colours of the ramp, dark indigo through blue, teal and green to yellow, chosen so
     * that luminance rises at every step: the order of values survives greyscale printing.
     */
    private static final int[] RAMP = {0x1F0C48, 0x2E4A8C, 0x1F8A8A, 0x5CC05A, 0xF5E62A};

    /** Series colours: blue, orange-red, green, purple, ochre, teal, magenta, grey. */
    private static final int[] SERIES = {0x2060C0, 0xD04A20, 0x2A9040, 0x8040B0, 0xB08800, 0x00A0A0, 0xD03090, 0x606060
    };

    private Colours() {}

    /**
     * The ramp colour at a position, interpolated linearly in RGB between control colours.
     *
     * @param t position in [0, 1]; values outside are clamped
     * @return the colour as 0xRRGGBB
     */
    static int ramp(double t) {
        double clamped = Math.max(0, Math.min(1, t));
        double scaled = clamped * (RAMP.length - 1);
        int i = Math.min((int) scaled, RAMP.length - 2);
        double f = scaled - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        return (mix(a >> 16, b >> 16, f) << 16) | (mix(a >> 8, b >> 8, f) << 8) | mix(a, b, f);
    }

    /**
     * The colour of the i-th series; colours repeat after eight series.
     *
     * @param i series index, from 0
     * @return the colour as 0xRRGGBB
     */
    static int series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /**
     * An opaque grey.
     *
     * @param level brightness in [0, 1]; values outside are clamped
     * @return the colour as 0xRRGGBB
     */
    private static int grey(float level) {
        int g = Math.round(Math.max(0f, Math.min(1f, level)) * 255f);
        return (g << 16) | (g << 8) | g;
    }

    /**
     * An opaque colour from three channel intensities.
     *
     * @param red red in [0, 1]; clamped
     * @param green green in [0, 1]; clamped
     * @param blue blue in [0, 1]; clamped
     * @return the colour as 0xRRGGBB
     */
    static int rgb(float red, float green, float blue) {
        return (grey(red) & 0xFF0000) | (grey(green) & 0x00FF00) | (grey(blue) & 0x0000FF);
    }

    private static int mix(int a, int b, double f) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * f);
    }
}
