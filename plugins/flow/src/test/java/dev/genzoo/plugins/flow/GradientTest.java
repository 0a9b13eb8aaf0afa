package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.StandardNormal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the flows' losses against central finite differences on the same noise (the engine
 * is reseeded before every evaluation). Between forward and backward the garbage collector runs
 * and freed memory is overwritten, so that a constant autograd saved in a Java-owned buffer (see
 * {@link dev.genzoo.api.Scalars}) would show up as a wrong gradient.
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
        NDArray control = f.manager.create(new float[] {1f});
        control.setRequiresGradient(true);
        try (NDManager scope = f.manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(SEED);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.apply(scope);
                NDArray controlTerm = control.mul(0.5f).sum();
                List<ByteBuffer> scribbles = scribbleOverFreedMemory();
                collector.backward(value.add(controlTerm));
                assertThat(scribbles).isNotEmpty();
            }
        }
        assumeThat(control.getGradient().getFloat())
                .as("the probe overwrote the freed factor of the control term")
                .isNotEqualTo(0.5f);

        int checked = 0;
        for (Parameter parameter : probed) {
            NDArray array = parameter.getArray();
            float[] gradient = array.getGradient().toFloatArray();
            long size = array.getShape().size();
            for (long i = 0; i < size; i += Math.max(1, size / 5)) {
                long[] at = flatIndex(array, i);
                float original = array.getFloat(at);
                array.set(new NDIndex(at), original + STEP);
                double up = evaluate(f, loss);
                array.set(new NDIndex(at), original - STEP);
                double down = evaluate(f, loss);
                array.set(new NDIndex(at), original);
                double difference = (up - down) / (2 * STEP);
                assertThat((double) gradient[(int) i])
                        .as("d loss / d %s[%d]", parameter.getName(), i)
                        .isCloseTo(difference, within(2e-3 + 0.02 * Math.abs(difference)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    private static double evaluate(Fixtures f, Function<NDManager, NDArray> loss) {
        try (NDManager scope = f.manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(SEED);
            return loss.apply(scope).getFloat();
        }
    }

    private static long[] flatIndex(NDArray array, long flat) {
        long[] shape = array.getShape().getShape();
        long[] index = new long[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }

    private static Parameter first(ParameterList parameters) {
        return parameters.valueAt(0);
    }

    private static Parameter last(ParameterList parameters) {
        return parameters.valueAt(parameters.size() - 1);
    }

    private static List<ByteBuffer> scribbleOverFreedMemory() {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            buffer.putDouble(0, 12345.0);
            buffers.add(buffer);
        }
        return buffers;
    }
}
