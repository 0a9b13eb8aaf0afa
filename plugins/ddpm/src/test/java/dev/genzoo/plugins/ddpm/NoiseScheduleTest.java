package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The schedules against their definitions written out again: beta by its formula, abar as the
 * running product, the cosine abar as f(t)/f(0), and respacing as the identity when every step is
 * kept.
 */
final class NoiseScheduleTest {

    @Test
    void linearBetasRunFromOneInTenThousandToTwoInAHundred() {
        NoiseSchedule s = NoiseSchedule.linear(1000);

        assertThat(s.steps()).isEqualTo(1000);
        assertThat(s.beta(1)).isCloseTo(1e-4, within(1e-15));
        assertThat(s.beta(1000)).isCloseTo(0.02, within(1e-15));
        assertThat(s.beta(500)).isCloseTo(1e-4 + 499 * (0.02 - 1e-4) / 999, within(1e-15));
        double product = 1;
        for (int t = 1; t <= 1000; t++) {
            product *= 1 - (1e-4 + (t - 1) * (0.02 - 1e-4) / 999);
            assertThat(s.alphaBar(t)).isCloseTo(product, within(1e-12));
        }
        // Ho et al. (2020), section 4: q(x_T | x_0) is close to N(0, I), abar_T about 4e-5
        assertThat(s.alphaBar(1000)).isBetween(3e-5, 5e-5);
    }

    @Test
    void cosineAlphaBarFollowsItsSquaredCosineUntilBetaIsClipped() {
        int steps = 1000;
        NoiseSchedule s = NoiseSchedule.cosine(steps);
        double f0 = Math.pow(Math.cos(0.008 / 1.008 * Math.PI / 2), 2);
        for (int t = 1; t < steps; t++) {
            double f = Math.pow(Math.cos((t / 1000.0 + 0.008) / 1.008 * Math.PI / 2), 2);
            assertThat(s.alphaBar(t)).as("t=%d", t).isCloseTo(f / f0, within(1e-9));
        }
        // f(T) = 0 would make beta_T = 1; it is clipped to 0.999
        assertThat(s.beta(steps)).isEqualTo(0.999);
        for (int t = 1; t <= steps; t++) {
            assertThat(s.beta(t)).isBetween(0.0, 0.999);
        }
    }

    @Test
    void posteriorQuantitiesFollowEquationSeven() {
        NoiseSchedule s = NoiseSchedule.linear(50);
        for (int t = 2; t <= 50; t++) {
            double ab = s.alphaBar(t);
            double abPrev = s.alphaBar(t - 1);
            double beta = 1 - ab / abPrev;
            assertThat(s.beta(t)).isCloseTo(beta, within(1e-12));
            assertThat(s.posteriorVariance(t)).isCloseTo(beta * (1 - abPrev) / (1 - ab), within(1e-15));
            assertThat(s.posteriorStartWeight(t)).isCloseTo(Math.sqrt(abPrev) * beta / (1 - ab), within(1e-12));
            assertThat(s.posteriorCurrentWeight(t))
                    .isCloseTo(Math.sqrt(1 - beta) * (1 - abPrev) / (1 - ab), within(1e-12));
        }
        assertThat(s.posteriorVariance(1)).isZero();
        assertThat(s.clippedPosteriorVariance(1)).isEqualTo(s.posteriorVariance(2));
    }

    @Test
    void keepingEveryStepRespacesToTheSameSchedule() {
        NoiseSchedule s = NoiseSchedule.cosine(200);
        NoiseSchedule same = s.respaced(s.evenlySpaced(200));

        for (int t = 1; t <= 200; t++) {
            assertThat(same.alphaBar(t)).isCloseTo(s.alphaBar(t), within(1e-12));
            assertThat(same.beta(t)).isCloseTo(s.beta(t), within(1e-12));
        }
    }

    @Test
    void respacedStepsKeepTheAlphaBarsOfTheStepsVisited() {
        NoiseSchedule s = NoiseSchedule.linear(1000);
        int[] visited = s.evenlySpaced(7);

        // 1 + 999 i / 6, rounded half up
        assertThat(visited).containsExactly(1, 168, 334, 501, 667, 834, 1000);
        NoiseSchedule few = s.respaced(visited);
        for (int i = 1; i <= 7; i++) {
            assertThat(few.alphaBar(i)).isCloseTo(s.alphaBar(visited[i - 1]), within(1e-12));
        }
        assertThat(s.evenlySpaced(1)).containsExactly(1000);
        assertThat(s.evenlySpaced(1000)).hasSize(1000).doesNotHaveDuplicates();
    }
}
