package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class AxisTicksTest {
    @Test
    void labelsAreCompact() {
        assertThat(AxisTicks.label(0)).isEqualTo("0");
        assertThat(AxisTicks.label(-0.0)).isEqualTo("0");
        assertThat(AxisTicks.label(0.5)).isEqualTo("0.5");
        assertThat(AxisTicks.label(120)).isEqualTo("120");
        assertThat(AxisTicks.label(0.0012)).isEqualTo("1.2e-3");
        assertThat(AxisTicks.label(-0.0015)).isEqualTo("-1.5e-3");
        assertThat(AxisTicks.label(-85.25)).isEqualTo("-85.25");
        assertThat(AxisTicks.label(1e6)).isEqualTo("1e6");
        assertThat(AxisTicks.label(123456)).isEqualTo("1.235e5");
        assertThat(AxisTicks.label(99999)).isEqualTo("99999");
        assertThat(AxisTicks.label(0.01)).isEqualTo("0.01");
        assertThat(AxisTicks.label(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(AxisTicks.label(3 * 0.1 * 1e-3)).isEqualTo("3e-4");
        assertThat(AxisTicks.label(Double.NaN)).isEqualTo("nan");
        assertThat(AxisTicks.label(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void ticksAreNiceMultiplesCoveringTheRange() {
        AxisTicks ticks = AxisTicks.spanning(0.3, 9.7, 5);
        assertThat(ticks.step()).isEqualTo(2.0);
        assertThat(ticks.values()).containsExactly(0, 2, 4, 6, 8, 10);

        double[][] ranges = {{-87.3, -85.1}, {1e-4, 3.7e-3}, {0, 250}, {-3, 7}, {12345, 12360}, {0.9, 1.1}};
        for (double[] range : ranges) {
            for (int target = 2; target <= 10; target++) {
                AxisTicks t = AxisTicks.spanning(range[0], range[1], target);
                double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step())));
                assertThat(mantissa).as("step %s", t.step()).isIn(1.0, 2.0, 5.0);
                // Within rounding of the step: 45 * 0.02 is 0.9000000000000001.
                assertThat(t.low()).isLessThanOrEqualTo(range[0] + 1e-9 * t.step());
                assertThat(t.high()).isGreaterThanOrEqualTo(range[1] - 1e-9 * t.step());
                assertThat(t.values().length).as("ticks for %s", t).isBetween(target / 2 + 1, 2 * target + 2);
            }
        }
    }

    @Test
    void rangesWithoutWidthAreWidenedAroundTheirValue() {
        AxisTicks five = AxisTicks.spanning(5, 5, 5);
        assertThat(five.low()).isLessThan(5);
        assertThat(five.high()).isGreaterThan(5);
        assertThat(five.high() - five.low()).isCloseTo(1.0, within(0.5));

        AxisTicks zero = AxisTicks.spanning(0, 0, 4);
        assertThat(zero.low()).isLessThanOrEqualTo(-1);
        assertThat(zero.high()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rangesWithoutFiniteEndsBecomeTheUnitInterval() {
        AxisTicks ticks = AxisTicks.spanning(Double.NaN, Double.NaN, 5);
        assertThat(ticks.low()).isEqualTo(0.0);
        assertThat(ticks.high()).isEqualTo(1.0);
    }

    @Test
    void ticksWithinFixedEndsAreNiceValuesInsideThem() {
        assertThat(AxisTicks.within(-1.63, 2.63, 5)).containsExactly(-1, 0, 1, 2);
        assertThat(AxisTicks.within(-2, 2, 4)).containsExactly(-2, -1, 0, 1, 2);
        assertThat(AxisTicks.within(0.1, 0.9, 4)).containsExactly(0.2, 0.4, 0.6000000000000001, 0.8);
    }

    @Test
    void anAxisOfEpochsHasWholeTicksEvenForOneOrTwoEpochs() {
        AxisTicks one = AxisTicks.spanningWhole(1, 1, 8);
        assertThat(one.values()).containsExactly(0, 1, 2);
        assertThat(AxisTicks.spanningWhole(1, 2, 8).values()).containsExactly(1, 2);
        assertThat(AxisTicks.spanningWhole(1, 150, 8).step()).isEqualTo(20.0);
        for (double v : AxisTicks.spanningWhole(1, 7, 8).values()) {
            assertThat(v).isEqualTo(Math.rint(v));
        }
    }
}
