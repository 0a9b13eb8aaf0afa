package com.example.genzoo.renyi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Options;
import dev.genzoo.testkit.GradientCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mlp-laplace encoder: its network's first half of outputs are the locations and its second
 * the log-scales of the posterior (against the network's own output), and the renyi loss of a model
 * made of it, the learned laplace prior and a Gaussian decoder has the gradients central finite
 * differences give (genzoo's test kit).
 */
final class MlpLaplaceEncoderTest {
    private static final Shape DATA = new Shape(1, 2, 2);
    private static final float[] X = {0.3f, -0.8f, 1.2f, 0.1f, -0.4f, 0.9f, 0.0f, -1.1f, 0.6f, 0.2f, -0.3f, 0.7f};

    private static <T extends Component> T create(
            ComponentFactory<T> factory, Map<String, String> given, BuildContext context) {
        return factory.create(Options.resolve(factory.name(), factory.options(), given), context);
    }

    @Test
    void thePosteriorIsTheNetworksLocationsAndScales() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Encoder encoder = create(
                    new MlpLaplaceEncoder.Factory(),
                    Map.of("hidden", "5", "latent", "2"),
                    BuildContext.of(manager, DATA));
            assertThat(encoder.parameters().keys())
                    .containsExactly("layer0.weight", "layer0.bias", "layer1.weight", "layer1.bias");
            StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
            NDArray x = manager.create(X, new Shape(3, 1, 2, 2));
            Distribution q = ((Encoding.Density) encoder.encode(x, context)).posterior();
            assertThat(q.batchShape()).isEqualTo(new Shape(3));
            assertThat(q.eventShape()).isEqualTo(new Shape(2));

            float[] w0 = encoder.parameters().get("layer0.weight").getArray().toFloatArray();
            float[] b0 = encoder.parameters().get("layer0.bias").getArray().toFloatArray();
            float[] w1 = encoder.parameters().get("layer1.weight").getArray().toFloatArray();
            float[] b1 = encoder.parameters().get("layer1.bias").getArray().toFloatArray();
            float[] z = {0.5f, -0.25f, 1f, 2f, -1f, 0f};
            float[] logQ = q.logProb(manager.create(z, new Shape(3, 2))).toFloatArray();
            for (int n = 0; n < 3; n++) {
                double[] out = new double[4];
                for (int o = 0; o < 4; o++) {
                    double sum = b1[o];
                    for (int h = 0; h < 5; h++) {
                        double pre = b0[h];
                        for (int i = 0; i < 4; i++) {
                            pre += w0[h * 4 + i] * X[n * 4 + i];
                        }
                        sum += w1[o * 5 + h] * Math.max(pre, 0);
                    }
                    out[o] = sum;
                }
                double expected = 0;
                for (int i = 0; i < 2; i++) {
                    double b = Math.exp(out[2 + i]);
                    expected += -Math.abs(z[n * 2 + i] - out[i]) / b - Math.log(2 * b);
                }
                assertThat((double) logQ[n]).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void theRenyiLossOfAModelMadeOfItHasTheFiniteDifferenceGradients() {
        Engine.getInstance().setRandomSeed(8);
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, DATA);
            Encoder encoder =
                    create(new MlpLaplaceEncoder.Factory(), Map.of("hidden", "6", "latent", "3"), context);
            context = context.withEncoder(encoder);
            Prior prior = create(new LaplacePrior.Factory(), Map.of("learn-scale", "true"), context);
            Decoder decoder = (z, c) -> Normal.ofLogVariance(
                    z.get("..., :1").repeat(z.getShape().dimension() - 1, 4).reshape(
                            z.getShape().slice(0, z.getShape().dimension() - 1).addAll(DATA)),
                    c.manager().zeros(new Shape()),
                    3);
            Objective renyi = create(new RenyiBound.Factory(), Map.of("alpha", "0.5", "samples", "3"), context);
            GenerativeModel model = new GenerativeModel(encoder, prior, decoder);
            ParameterStore store = new ParameterStore(manager, false);

            List<Parameter> probed = List.of(
                    encoder.parameters().get("layer0.weight"),
                    encoder.parameters().get("layer1.bias"),
                    prior.parameters().get("log-scale"));
            int checked = GradientCheck.of(scope -> renyi.evaluate(
                                    scope.create(X, new Shape(3, 1, 2, 2)),
                                    model,
                                    StepContext.training(0, 0, 1, 1, scope, store))
                            .loss())
                    .seed(5)
                    // the prior's -|z| / b has a kink at 0: a small step crosses it seldom
                    .step(1e-3f)
                    .probing(probed)
                    .everyParameterMatters()
                    .verify(manager);
            assertThat(checked).isGreaterThan(10);
        }
    }
}
