package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.genzoo.api.Denoiser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The U-Net's shapes, its use of the step, gradients to every parameter, and the engine op it upsamples with. */
final class DenoisingUnetTest {

    @Test
    void predictsNoiseShapedLikeItsInputForEveryStepOrOneSharedStep() {
        try (TinyDiffusion d = unet();
                NDManager scope = d.manager.newSubManager()) {
            Denoiser denoiser = (Denoiser) d.decoder;
            // the output convolution starts at zero (Ho et al.'s code); give it weights to see through
            NDArray out = d.decoder.parameters().get("out.weight").getArray();
            out.addi(scope.randomNormal(out.getShape()));
            NDArray x = scope.randomNormal(new Shape(5, 1, 8, 8));
            NDArray perExample =
                    denoiser.predictNoise(x, scope.create(new long[] {1, 2, 3, 4, 5}), d.evaluation(scope));
            NDArray shared = denoiser.predictNoise(x, scope.create(new long[] {3}), d.evaluation(scope));
            NDArray sameStep = denoiser.predictNoise(x, scope.create(new long[] {3, 3, 3, 3, 3}), d.evaluation(scope));

            assertThat(perExample.getShape()).isEqualTo(new Shape(5, 1, 8, 8));
            assertThat(shared.sub(sameStep).abs().max().getFloat()).isLessThan(1e-4f);
            // the step matters: example 3 (t = 4) against the same image at t = 3
            assertThat(perExample.get(3).sub(shared.get(3)).abs().max().getFloat())
                    .isGreaterThan(0f);
        }
    }

    @Test
    void everyParameterReceivesAGradient() {
        try (TinyDiffusion d = unet();
                NDManager scope = d.manager.newSubManager()) {
            var objective = d.objective(new SimplifiedObjective.Factory(), Map.of());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = scope.randomUniform(0f, 1f, new Shape(6, 1, 8, 8));
                collector.backward(
                        objective.evaluate(x, d.model, d.training(scope, 0)).loss());
            }
            int zero = 0;
            for (Pair<String, Parameter> pair : d.decoder.parameters()) {
                NDArray gradient = pair.getValue().getArray().getGradient();
                assertThat(gradient.isNaN().any().getBoolean())
                        .as(pair.getKey())
                        .isFalse();
                // the zero-initialized output convolution blocks every gradient below it on the first step
                if (gradient.abs().sum().getFloat() == 0) {
                    zero++;
                }
            }
            assertThat(d.decoder
                            .parameters()
                            .get("out.weight")
                            .getArray()
                            .getGradient()
                            .abs()
                            .sum()
                            .getFloat())
                    .isGreaterThan(0f);
            assertThat(zero).isLessThan(d.decoder.parameters().size());
        }
    }

    /** DJL's PyTorch interpolation with mode 0 is nearest neighbour: each pixel becomes a 2 x 2 block. */
    @Test
    void theEngineUpsamplesByNearestNeighbour() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray up = x.getNDArrayInternal().interpolation(new long[] {4, 4}, 0, false);
            assertThat(up.toFloatArray()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
        }
    }

    /**
     * The layout of Ho et al. as the benchmark writes it: its parameter count is that of peer.py's
     * {@code Unet} (PyTorch 1.13 counted 1,934,019 for 3 channels and (64, 128), 30,905 for 1 and
     * (8, 16)), and the same count written out layer by layer.
     */
    @Test
    void theBenchmarksLayoutHasTheReferenceNetworksParameters() {
        try (TinyDiffusion big = new TinyDiffusion(
                        new Shape(3, 32, 32),
                        Map.of("timesteps", "1000"),
                        new DenoisingDecoder.UnetFactory(),
                        benchmarkLayout("64,128"),
                        3);
                TinyDiffusion small = new TinyDiffusion(
                        new Shape(1, 8, 8),
                        Map.of("timesteps", "50"),
                        new DenoisingDecoder.UnetFactory(),
                        benchmarkLayout("8,16"),
                        3)) {
            assertThat(count(big)).isEqualTo(1_934_019L).isEqualTo(written(3, 64, 128));
            assertThat(count(small)).isEqualTo(30_905L).isEqualTo(written(1, 8, 16));
        }
    }

    /** The compact layout keeps the parameters it always had, so checkpoints written before still load. */
    @Test
    void theCompactLayoutHasNoNormParameters() {
        try (TinyDiffusion d = unet()) {
            assertThat(d.decoder.parameters().keys()).noneMatch(name -> name.contains("norm"));
            assertThat(d.decoder.parameters().keys()).contains("up0.sample.weight");
            assertThat(d.decoder
                            .parameters()
                            .get("up0.sample.weight")
                            .getArray()
                            .getShape())
                    .isEqualTo(new Shape(8, 16, 3, 3));
        }
    }

    @Test
    void everyParameterOfTheBenchmarksLayoutReceivesAGradient() {
        try (TinyDiffusion d = new TinyDiffusion(
                        new Shape(1, 8, 8),
                        Map.of("timesteps", "50"),
                        new DenoisingDecoder.UnetFactory(),
                        benchmarkLayout("8,16"),
                        3);
                NDManager scope = d.manager.newSubManager()) {
            NDArray out = d.decoder.parameters().get("out.weight").getArray();
            out.addi(scope.randomNormal(out.getShape()));
            var objective = d.objective(new SimplifiedObjective.Factory(), Map.of());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = scope.randomUniform(0f, 1f, new Shape(6, 1, 8, 8));
                collector.backward(
                        objective.evaluate(x, d.model, d.training(scope, 0)).loss());
            }
            for (Pair<String, Parameter> pair : d.decoder.parameters()) {
                assertThat(pair.getValue().getArray().getGradient().abs().sum().getFloat())
                        .as(pair.getKey())
                        .isGreaterThan(0f);
            }
        }
    }

    private static Map<String, String> benchmarkLayout(String channels) {
        return Map.of("channels", channels, "up-channels", "same", "norm", "affine", "step-activation", "none");
    }

    private static long count(TinyDiffusion d) {
        long n = 0;
        for (Pair<String, Parameter> pair : d.decoder.parameters()) {
            n += pair.getValue().getArray().size();
        }
        return n;
    }

    /** peer.py's Unet(cin, (a, b)) counted layer by layer: embedding, input, blocks, resampling, output. */
    private static long written(int in, int a, int b) {
        int t = 4 * a;
        return linear(a, t)
                + linear(t, t)
                + conv(in, a, 3)
                + block(a, a, t)
                + conv(a, a, 3)
                + block(a, b, t)
                + conv(b, b, 3)
                + block(b, b, t)
                + conv(b, b, 3)
                + block(2 * b, b, t)
                + conv(b, b, 3)
                + block(b + a, a, t)
                + 2L * a
                + conv(a, in, 3);
    }

    private static long block(int in, int out, int t) {
        return 2L * in
                + conv(in, out, 3)
                + linear(t, out)
                + 2L * out
                + conv(out, out, 3)
                + (in == out ? 0 : conv(in, out, 1));
    }

    private static long conv(int in, int out, int k) {
        return (long) in * out * k * k + out;
    }

    private static long linear(int in, int out) {
        return (long) in * out + out;
    }

    private static TinyDiffusion unet() {
        return new TinyDiffusion(
                new Shape(1, 8, 8),
                Map.of("timesteps", "50"),
                new DenoisingDecoder.UnetFactory(),
                Map.of("channels", "8,16"),
                3);
    }
}
