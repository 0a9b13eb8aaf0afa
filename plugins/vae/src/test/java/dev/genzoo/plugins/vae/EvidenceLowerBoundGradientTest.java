package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.Objective;
import dev.genzoo.testkit.GradientCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gradient of the {@code elbo} loss with respect to encoder and decoder parameters against
 * central finite differences of the loss on the same noise, by the test kit's {@link GradientCheck}
 * (which also overwrites freed memory between forward and backward, so that a factor autograd saved
 * in a Java-owned buffer would show up as garbage).
 */
final class EvidenceLowerBoundGradientTest {
    private static final int SEED = 21;
    private static final float STEP = 1e-2f;

    private TinyVae vae;
    private float[] batch;

    @BeforeEach
    void setUp() {
        vae = TinyVae.bernoulli(9);
        batch = TinyVae.binaryBatch(4);
    }

    @AfterEach
    void tearDown() {
        vae.close();
    }

    @Test
    void analyticKlWithBetaAndWarmUp() {
        assertGradientMatchesFiniteDifferences(
                vae.elbo(Map.of("kl", "analytic", "beta", "0.7", "warmup-epochs", "10")));
    }

    @Test
    void monteCarloKlWithSeveralSamples() {
        assertGradientMatchesFiniteDifferences(vae.elbo(Map.of("kl", "monte-carlo", "beta", "1.5", "samples", "3")));
    }

    private void assertGradientMatchesFiniteDifferences(Objective objective) {
        List<Parameter> probed = List.of(
                last(vae.encoder.parameters()), first(vae.encoder.parameters()), last(vae.decoder.parameters()));
        int checked = GradientCheck.of(scope -> objective
                        .evaluate(TinyVae.images(scope, batch), vae.model, vae.training(scope, 50, 10))
                        .loss())
                .seed(SEED)
                .step(STEP)
                .probing(probed)
                .verify(vae.manager);
        assertThat(checked).isGreaterThan(10);
    }

    private static Parameter first(ParameterList parameters) {
        return parameters.valueAt(0);
    }

    private static Parameter last(ParameterList parameters) {
        return parameters.valueAt(parameters.size() - 1);
    }
}
