package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.ObjectiveValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where each term of the {@code vq} objective sends its gradient (van den Oord et al. 2017,
 * equation 3): the codebook term ||sg[z_e] - e||^2 moves only the codebook, by the closed form
 * (2/n) sum_{i: k(i) = k} (e_k - z_e,i) with n the number of latent elements; the commitment term
 * ||z_e - sg[e]||^2 moves only the encoder's weights, by J^T (2/n)(z_e - z_q). Neither reaches the
 * decoder.
 */
final class LossTermGradientTest {
    private static final int B = 5;

    @Test
    void theCodebookTermMovesOnlyTheCodebook() {
        try (TinyVqVae vq = new TinyVqVae(8, Map.of())) {
            Codes codes = codes(vq);
            backward(vq, "codebook");
            float[] gradient = vq.store.gradient(vq.codebook());
            int dim = TinyVqVae.CODE_DIM;
            double n = codes.indices.length * (double) dim;
            double[] expected = new double[TinyVqVae.CODES * dim];
            for (int i = 0; i < codes.indices.length; i++) {
                int k = (int) codes.indices[i];
                for (int d = 0; d < dim; d++) {
                    expected[k * dim + d] += 2 / n * (codes.book[k * dim + d] - codes.ze(i, d));
                }
            }
            for (int j = 0; j < expected.length; j++) {
                assertThat((double) gradient[j]).as("codebook[%d]", j).isCloseTo(expected[j], within(1e-6));
            }
            assertThat(java.util.Arrays.stream(expected).map(Math::abs).max().orElse(0))
                    .as("some code is used")
                    .isGreaterThan(1e-4);
            for (Parameter p : StraightThroughGradientTest.encoderWeights(vq)) {
                assertThat(vq.store.gradient(p)).as(p.getName()).containsOnly(0f);
            }
            for (Pair<String, Parameter> pair : vq.decoder.parameters()) {
                assertThat(vq.store.gradient(pair.getValue())).as(pair.getKey()).containsOnly(0f);
            }
        }
    }

    @Test
    void theCommitmentTermMovesOnlyTheEncoder() {
        try (TinyVqVae vq = new TinyVqVae(9, Map.of())) {
            Codes codes = codes(vq);
            backward(vq, "commitment");
            List<Parameter> weights = StraightThroughGradientTest.encoderWeights(vq);
            List<float[]> got = weights.stream().map(vq.store::gradient).toList();
            assertThat(vq.store.gradient(vq.codebook())).containsOnly(0f);
            for (Pair<String, Parameter> pair : vq.decoder.parameters()) {
                assertThat(vq.store.gradient(pair.getValue())).as(pair.getKey()).containsOnly(0f);
            }

            float[] g = new float[codes.zeValues.length];
            double n = g.length;
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (2 / n * (codes.zeValues[i] - codes.zqValues[i]));
            }
            try (NDManager scope = vq.manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                vq.store.clear();
                Encoding.PointMass encoding =
                        (Encoding.PointMass) vq.encoder.encode(TinyVqVae.images(scope, B), vq.training(scope));
                NDArray ze = encoding.extra(VqConvEncoder.Z_E).orElseThrow();
                collector.backward(
                        ze.mul(scope.create(g, ze.getShape()).duplicate()).sum());
            }
            double largest = 0;
            for (int i = 0; i < weights.size(); i++) {
                float[] expected = vq.store.gradient(weights.get(i));
                for (int j = 0; j < expected.length; j++) {
                    assertThat(got.get(i)[j])
                            .as("%s[%d]", weights.get(i).getName(), j)
                            .isCloseTo(expected[j], within(1e-6f + 1e-4f * Math.abs(expected[j])));
                    largest = Math.max(largest, Math.abs(expected[j]));
                }
            }
            assertThat(largest).isGreaterThan(1e-5);
        }
    }

    /** Backpropagates one named term of the objective through a training pass with fresh leaves. */
    private static void backward(TinyVqVae vq, String term) {
        try (NDManager scope = vq.manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            vq.store.clear();
            ObjectiveValue value = vq.objective.evaluate(TinyVqVae.images(scope, B), vq.model, vq.training(scope));
            collector.backward(value.terms().get(term));
        }
    }

    /** The batch's z_e, z_q and codes, and the codebook, copied out of an evaluation pass. */
    private record Codes(float[] zeValues, float[] zqValues, long[] indices, float[] book) {
        /** z_e of grid position i (batch-major, then row, then column), component d. */
        double ze(int i, int d) {
            int positions = TinyVqVae.GRID * TinyVqVae.GRID;
            int b = i / positions;
            int p = i % positions;
            return zeValues[(b * TinyVqVae.CODE_DIM + d) * positions + p];
        }
    }

    private static Codes codes(TinyVqVae vq) {
        try (NDManager scope = vq.manager.newSubManager()) {
            Encoding.PointMass encoding =
                    (Encoding.PointMass) vq.encoder.encode(TinyVqVae.images(scope, B), vq.evaluation(scope));
            return new Codes(
                    encoding.extra(VqConvEncoder.Z_E).orElseThrow().toFloatArray(),
                    encoding.extra(VqConvEncoder.Z_Q).orElseThrow().toFloatArray(),
                    encoding.extra(VqConvEncoder.INDICES).orElseThrow().toLongArray(),
                    vq.codebook().getArray().toFloatArray());
        }
    }
}
