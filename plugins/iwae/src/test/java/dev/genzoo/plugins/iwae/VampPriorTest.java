package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The VampPrior against its definition, p(z) = (1/K) sum_k q(z | u_k), computed in doubles from
 * the encoder's own Gaussians at the pseudo-inputs; its draws, its gradients, and its refusal of an
 * encoder that outputs no density.
 */
final class VampPriorTest {
    private static final int K = 4;

    private static Prior vamp(LinearModel m, int pseudoInputs) {
        VampPrior.Factory factory = new VampPrior.Factory();
        Options options = Options.resolve(
                "prior 'vamp'", factory.options(), Map.of("pseudo-inputs", String.valueOf(pseudoInputs)));
        return factory.create(
                options, BuildContext.of(m.manager, new Shape(LinearModel.D)).withEncoder(m.model.encoder()));
    }

    @Test
    void logProbIsTheMeanOfThePosteriorsAtThePseudoInputs() {
        try (LinearModel m = new LinearModel(31, 1f);
                NDManager scope = m.manager.newSubManager()) {
            Prior prior = vamp(m, K);
            StepContext context = m.evaluation(scope);
            Distribution p = prior.distribution(context);
            assertThat(p.batchShape()).isEqualTo(new Shape());
            assertThat(p.eventShape()).isEqualTo(new Shape(LinearModel.L));

            NDArray u = prior.parameters().get("pseudo_inputs").getArray();
            Normal posteriors = m.posterior(u, context);
            float[] loc = posteriors.loc().toFloatArray();
            float[] logVar = posteriors.logVariance().toFloatArray();
            NDArray z = scope.randomNormal(new Shape(2, 3, LinearModel.L));
            float[] values = z.toFloatArray();
            float[] got = p.logProb(z).toFloatArray();
            assertThat(p.logProb(z).getShape()).isEqualTo(new Shape(2, 3));
            for (int i = 0; i < 6; i++) {
                double density = 0;
                for (int k = 0; k < K; k++) {
                    double q = 1;
                    for (int j = 0; j < LinearModel.L; j++) {
                        double variance = Math.exp(logVar[k * LinearModel.L + j]);
                        double r = values[i * LinearModel.L + j] - loc[k * LinearModel.L + j];
                        q *= Math.exp(-r * r / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
                    }
                    density += q / K;
                }
                assertThat((double) got[i])
                        .isCloseTo(Math.log(density), within(1e-4 * (1 + Math.abs(Math.log(density)))));
            }
        }
    }

    /** With one pseudo-input the prior is that input's posterior: draws have its mean and variance. */
    @Test
    void drawsComeFromThePosteriorsAtThePseudoInputs() {
        try (LinearModel m = new LinearModel(32, 1f);
                NDManager scope = m.manager.newSubManager()) {
            Prior prior = vamp(m, 1);
            StepContext context = m.evaluation(scope);
            Engine.getInstance().setRandomSeed(3);
            int n = 20_000;
            NDArray draws = prior.distribution(context).sample(new Shape(n));
            assertThat(draws.getShape()).isEqualTo(new Shape(n, LinearModel.L));
            Normal q = m.posterior(prior.parameters().get("pseudo_inputs").getArray(), context);
            float[] mu = q.loc().toFloatArray();
            float[] logVar = q.logVariance().toFloatArray();
            float[] mean = draws.mean(new int[] {0}).toFloatArray();
            for (int j = 0; j < LinearModel.L; j++) {
                double sd = Math.exp(logVar[j] / 2);
                assertThat((double) mean[j]).isCloseTo(mu[j], within(5 * sd / Math.sqrt(n)));
            }
        }
    }

    @Test
    void gradientsReachThePseudoInputsAndTheSharedEncoder() {
        try (LinearModel m = new LinearModel(33, 1f);
                NDManager scope = m.manager.newSubManager()) {
            Prior prior = vamp(m, K);
            NDArray u = prior.parameters().get("pseudo_inputs").getArray();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Distribution p = prior.distribution(m.training(scope));
                collector.backward(p.logProb(scope.randomNormal(new Shape(5, LinearModel.L)))
                        .sum());
            }
            assertThat(u.getGradient().abs().sum().getFloat()).isPositive();
            assertThat(m.a.getArray().getGradient().abs().sum().getFloat()).isPositive();
            assertThat(prior.parameters().keys()).containsExactly("pseudo_inputs");
            assertThat(u.getShape()).isEqualTo(new Shape(K, LinearModel.D));
        }
    }

    @Test
    void refusesAnEncoderWithoutADensity() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder pointMass = new Encoder() {
                @Override
                public EncoderKind kind() {
                    return EncoderKind.POINT_MASS;
                }

                @Override
                public Shape latentShape() {
                    return new Shape(2);
                }

                @Override
                public Encoding encode(NDArray x, StepContext context) {
                    return Encoding.pointMass(x, Map.of());
                }
            };
            VampPrior.Factory factory = new VampPrior.Factory();
            assertThatThrownBy(() -> factory.create(
                            Options.defaults(factory.options()),
                            BuildContext.of(manager, new Shape(2)).withEncoder(pointMass)))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage(
                            "the VampPrior mixes the encoder's posteriors q(z|u), so it needs an encoder that"
                                    + " outputs a density q(z|x), and this encoder outputs a point mass (a deterministic code)");
        }
    }
}
