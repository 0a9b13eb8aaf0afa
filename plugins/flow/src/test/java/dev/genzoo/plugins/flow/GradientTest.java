package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.testkit.GradientCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the flows' losses against central finite differences on the same noise, by the
 * test kit's {@link GradientCheck}, which also overwrites freed memory between forward and
 * backward, so that a constant autograd saved in a Java-owned buffer (see {@link
 * dev.genzoo.api.Scalars}) would show up as a wrong gradient.
 */
final class GradientTest {
    private static final int SEED = 5;
    private static final float STEP = 2e-3f;

    @Test
    void flowNllOfRealNvpWithBoundedScalesAndLogitPreprocessing() {
        try (Fixtures f = new Fixtures(1)) {
            BuildContext context = BuildContext.of(f.manager, new Shape(4));
            Encoder encoder = f.create(
                    new FlowEncoder.Factory(new RealNvpRecipe()),
                    Map.of(
                            "couplings",
                            "3",
                            "hidden",
                            "8",
                            "scale-bound",
                            "2",
                            "logit-alpha",
                            "0.1",
                            "activation",
                            "elu"),
                    context);
            f.perturb(encoder.parameters(), 1f);
            context = context.withEncoder(encoder);
            Prior prior = f.create(
                    new FlowPrior.Factory(new MafRecipe()),
                    Map.of("layers", "2", "hidden", "6", "scale-bound", "0.5"),
                    context);
            f.perturb(prior.parameters(), 1f);
            Objective nll = new ExactNegativeLogLikelihood();
            GenerativeModel model = new GenerativeModel(encoder, prior, (z, c) -> null);
            float[] pixels = new float[8 * 4];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = ((i * 37) % 100) / 100f;
            }
            List<Parameter> probed =
                    List.of(last(encoder.parameters()), first(encoder.parameters()), last(prior.parameters()));
            assertGradientMatches(
                    f,
                    probed,
                    scope -> nll.evaluate(scope.create(pixels, new Shape(8, 4)), model, training(f, scope))
                            .loss());
        }
    }

    @Test
    void planarAndIafPosteriorsThroughTheirOwnDensity() {
        for (boolean autoregressive : new boolean[] {false, true}) {
            try (Fixtures f = new Fixtures(2)) {
                Map<String, String> options = new HashMap<>(Map.of("latent", "3", "hidden", "6", "flows", "2"));
                if (autoregressive) {
                    options.put("flow-hidden", "5");
                    options.put("scale-bound", "1.5");
                }
                Encoder encoder = f.create(
                        new RefinedGaussianEncoder.Factory(autoregressive),
                        options,
                        BuildContext.of(f.manager, new Shape(4)));
                f.perturb(encoder.parameters(), 1f);
                float[] x = Fixtures.normalRows(5, 4, 2, 1.0);
                // KL(q || N(0, I)) by one Monte Carlo draw: log q(z) - log N(z)
                Function<NDManager, NDArray> kl = scope -> {
                    StepContext c = training(f, scope);
                    Draw draw = ((Encoding.Density) encoder.encode(scope.create(x, new Shape(5, 4)), c))
                            .posterior()
                            .rsampleWithLogProb(new Shape(2));
                    return draw.logProb()
                            .sub(new StandardNormal(scope, new Shape(3)).logProb(draw.value()))
                            .mean();
                };
                List<Parameter> probed =
                        List.of(last(encoder.parameters()), encoder.parameters().valueAt(0));
                assertGradientMatches(f, probed, kl);
            }
        }
    }

    private static StepContext training(Fixtures f, NDManager scope) {
        return StepContext.training(0, 0, 1, 1, scope, f.store);
    }

    private static void assertGradientMatches(Fixtures f, List<Parameter> probed, Function<NDManager, NDArray> loss) {
        int checked =
                GradientCheck.of(loss).seed(SEED).step(STEP).probing(probed).verify(f.manager);
        assertThat(checked).isGreaterThan(5);
    }

    private static Parameter first(ParameterList parameters) {
        return parameters.valueAt(0);
    }

    private static Parameter last(ParameterList parameters) {
        return parameters.valueAt(parameters.size() - 1);
    }
}
