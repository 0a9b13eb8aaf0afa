package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ColoursTest {
    @Test
    void theRampRunsFromDarkBlueToYellow() {
        int low = Colours.ramp(0);
        assertThat(blue(low)).isGreaterThan(red(low)).isGreaterThan(green(low));
        assertThat(luminance(low)).isLessThan(40);
        int high = Colours.ramp(1);
        assertThat(red(high)).isGreaterThan(200);
        assertThat(green(high)).isGreaterThan(200);
        assertThat(blue(high)).isLessThan(100);
    }

    @Test
    void theRampGetsBrighterAllTheWay() {
        double previous = -1;
        for (int i = 0; i <= 200; i++) {
            double l = luminance(Colours.ramp(i / 200.0));
            assertThat(l).as("luminance at %d/200", i).isGreaterThan(previous);
            previous = l;
        }
    }

    @Test
    void theRampClampsItsArgument() {
        assertThat(Colours.ramp(-3)).isEqualTo(Colours.ramp(0));
        assertThat(Colours.ramp(7)).isEqualTo(Colours.ramp(1));
    }

    @Test
    void seriesColoursAreDistinctFromEachOtherAndFromThePaper() {
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            colours.add(Colours.series(i));
        }
        assertThat(colours).hasSize(8).doesNotContain(Colours.PAPER, Colours.GRID, Colours.INK);
        assertThat(Colours.series(8)).isEqualTo(Colours.series(0));
    }

    @Test
    void channelIntensitiesAreClampedAndRounded() {
        assertThat(Colours.rgb(1f, 0.5f, 0f)).isEqualTo(0xFF8000);
        assertThat(Colours.rgb(2f, -1f, 0.25f)).isEqualTo(0xFF0040);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    /** Relative luminance with the Rec. 709 weights, on the 0-255 scale. */
    private static double luminance(int rgb) {
        return 0.2126 * red(rgb) + 0.7152 * green(rgb) + 0.0722 * blue(rgb);
    }
}
