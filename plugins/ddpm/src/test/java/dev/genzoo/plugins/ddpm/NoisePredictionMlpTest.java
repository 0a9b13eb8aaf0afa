package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Denoiser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MLP noise predictor against the same network computed by hand in double precision:
 * [x, sin(t f_i), cos(t f_i)] with f_i = 10000^(-i/h), linear layers with SiLU between.
 */
final class NoisePredictionMlpTest {

    @Test
    void computesTheNetworkWrittenOutByHand() {
        try (TinyDiffusion d = new TinyDiffusion(
                        new Shape(2),
                        Map.of("timesteps", "500"),
                        new DenoisingDecoder.MlpFactory(),
                        Map.of("hidden", "5,3", "embedding", "6"),
                        2);
                NDManager scope = d.manager.newSubManager()) {
            float[] x = {0.3f, -1.2f, 2.0f, 0.7f};
            long[] t = {17, 499};
            float[] out = ((Denoiser) d.decoder)
                    .predictNoise(scope.create(x, new Shape(2, 2)), scope.create(t), d.evaluation(scope))
                    .toFloatArray();

            for (int n = 0; n < 2; n++) {
                double[] h = new double[8];
                h[0] = x[2 * n];
                h[1] = x[2 * n + 1];
                for (int i = 0; i < 3; i++) {
                    double f = Math.exp(-Math.log(10000) * i / 3);
                    h[2 + i] = Math.sin(t[n] * f);
                    h[5 + i] = Math.cos(t[n] * f);
                }
                for (int layer = 0; layer < 3; layer++) {
                    float[] w = d.decoder
                            .parameters()
                            .get("layer" + layer + ".weight")
                            .getArray()
                            .toFloatArray();
                    float[] b = d.decoder
                            .parameters()
                            .get("layer" + layer + ".bias")
                            .getArray()
                            .toFloatArray();
                    double[] next = new double[b.length];
                    for (int o = 0; o < b.length; o++) {
                        double sum = b[o];
                        for (int i = 0; i < h.length; i++) {
                            sum += w[o * h.length + i] * h[i];
                        }
                        next[o] = layer < 2 ? sum / (1 + Math.exp(-sum)) : sum;
                    }
                    h = next;
                }
                assertThat((double) out[2 * n]).isCloseTo(h[0], within(1e-5));
                assertThat((double) out[2 * n + 1]).isCloseTo(h[1], within(1e-5));
            }
        }
    }

    /** One step for the whole batch takes the split first layer; it must equal the step repeated. */
    @Test
    void aSharedStepGivesWhatTheStepRepeatedGives() {
        try (TinyDiffusion d = TinyDiffusion.points(100, "linear", 3);
                NDManager scope = d.manager.newSubManager()) {
            NDArray x = scope.randomNormal(new Shape(7, 2));
            Denoiser denoiser = (Denoiser) d.decoder;
            NDArray shared = denoiser.predictNoise(x, scope.create(new long[] {42}), d.evaluation(scope));
            NDArray repeated = denoiser.predictNoise(
                    x, scope.full(new Shape(7), 42, ai.djl.ndarray.types.DataType.INT64), d.evaluation(scope));

            assertThat(shared.sub(repeated).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }
}
