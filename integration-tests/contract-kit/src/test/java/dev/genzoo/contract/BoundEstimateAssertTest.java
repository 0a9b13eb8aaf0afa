package dev.genzoo.contract;

import static dev.genzoo.contract.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The noise-aware assertions pass within their allowance and fail beyond it, with a readable message. */
final class BoundEstimateAssertTest {
    /** Mean 1, sample variance 2/3, n = 4: standard error sqrt(1/6). */
    private static final BoundEstimate ONE = BoundEstimate.of(new double[] {0, 1, 2, 1});

    @Test
    void meanAndStandardErrorAreTheTextbooks() {
        BoundEstimate e = BoundEstimate.of(new double[] {1, 2, 3, 4});
        assertThat(e.mean()).isEqualTo(2.5);
        // sample variance 5/3, standard error sqrt(5/3 / 4)
        assertThat(e.standardError()).isCloseTo(Math.sqrt(5.0 / 12), within(1e-12));
        assertThat(e.minus(new double[] {1, 1, 1, 1}).mean()).isEqualTo(1.5);
    }

    @Test
    void isAtMostAllowsZStandardErrors() {
        double se = ONE.standardError();
        assertThat(ONE).isAtMost(1 - 3.9 * se);
        assertThatThrownBy(() -> assertThat(ONE).isAtMost(1 - 4.1 * se - 1e-3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected a mean of at most");
        assertThat(ONE).withinStandardErrors(1).isAtMost(1 - 0.9 * se);
        assertThatThrownBy(() ->
                        assertThat(ONE).withinStandardErrors(1).withTolerance(0).isAtMost(1 - 1.1 * se))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void isPositiveNeedsTheMeanClearOfTheNoise() {
        assertThatThrownBy(() -> assertThat(ONE).isPositive())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("clearly positive");
        assertThat(ONE).withinStandardErrors(1.5).isPositive();
        assertThat(BoundEstimate.of(new double[] {-3, -2})).isAtLeast(-3).isCloseTo(-2.5, 0);
    }

    @Test
    void nonFiniteValuesFail() {
        assertThatThrownBy(() -> assertThat(BoundEstimate.of(new double[] {1, Double.NaN}))
                        .isAtMost(5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("NaN or infinite");
        assertThatThrownBy(() -> assertThat(new Gradients(Map.of("w", new float[] {1f, Float.NaN})))
                        .areFinite())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("gradient of w");
        assertThatThrownBy(() ->
                        assertThat(new Gradients(Map.of("w", new float[] {0f}))).areNotAllZero())
                .isInstanceOf(AssertionError.class);
    }
}
