package dev.genzoo.runtime.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Effective sample size and split R-hat on chains whose answers are known: independent draws (ESS
 * = m n), an AR(1) process x_t = phi x_{t-1} + e_t (ESS = m n (1 - phi) / (1 + phi)), chains of one
 * distribution (R-hat near 1) and chains stuck in different places (R-hat well above 1).
 */
final class ChainDiagnosticsTest {

    private static double[][] autoregressive(int chains, int draws, double phi, double shift, long seed) {
        Random random = new Random(seed);
        double[][] out = new double[chains][draws];
        double scale = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < chains; c++) {
            double x = random.nextGaussian();
            for (int t = 0; t < draws; t++) {
                x = phi * x + scale * random.nextGaussian();
                out[c][t] = x + c * shift;
            }
        }
        return out;
    }

    @Test
    void independentDrawsCountFully() {
        double ess = ChainDiagnostics.effectiveSampleSize(autoregressive(4, 2000, 0, 0, 1));
        assertThat(ess).isCloseTo(8000, within(1200.0));
        assertThat(ChainDiagnostics.splitRhat(autoregressive(4, 2000, 0, 0, 2))).isCloseTo(1, within(0.01));
    }

    @Test
    void correlatedDrawsCountAsTheirIntegratedAutocorrelationSays() {
        double phi = 0.9;
        double expected = 4 * 5000 * (1 - phi) / (1 + phi);
        double ess = ChainDiagnostics.effectiveSampleSize(autoregressive(4, 5000, phi, 0, 3));
        assertThat(ess).isCloseTo(expected, within(0.25 * expected));
        assertThat(ChainDiagnostics.splitRhat(autoregressive(4, 5000, phi, 0, 4)))
                .isLessThan(1.02);
    }

    @Test
    void chainsInDifferentPlacesHaveAnRhatWellAboveOne() {
        assertThat(ChainDiagnostics.splitRhat(autoregressive(4, 1000, 0.5, 1.0, 5)))
                .isGreaterThan(1.2);
    }
}
