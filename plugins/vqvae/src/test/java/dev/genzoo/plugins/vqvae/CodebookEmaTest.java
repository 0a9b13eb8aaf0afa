package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.Encoding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The moving-average codebook (van den Oord et al. 2017, appendix A.1) against updates computed by
 * hand: N <- gamma N + (1 - gamma) n, m <- gamma m + (1 - gamma) sum z, e = m / N~ with Laplace
 * smoothing, from N = 1 and m = e at the start; in the encoder, training passes update it and
 * evaluation passes leave it alone.
 */
final class CodebookEmaTest {
    private static final double EPS = CodebookEma.EPSILON;

    @Test
    void twoUpdatesOnATinyExampleMatchTheHandComputedOnes() {
        float gamma = 0.9f;
        float[] start = {1f, 0f, 0f, 1f, -1f, -1f};
        float[] rows1 = {0.8f, 0.2f, 1.2f, -0.2f, 0.1f, 0.9f, 0.2f, 1.3f};
        long[] codes1 = {0, 0, 1, 1};
        float[] rows2 = {2f, 1f, -0.5f, 0.5f};
        long[] codes2 = {1, 1};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray book = manager.create(start, new Shape(3, 2));
            CodebookEma ema = CodebookEma.create(manager, book, gamma);
            ema.update(manager.create(rows1, new Shape(4, 2)), manager.create(codes1), book);

            // by hand: counts n = (2, 2, 0); sums (2.0, 0.0), (0.3, 2.2), (0, 0)
            double[] n1 = {0.9 + 0.1 * 2, 0.9 + 0.1 * 2, 0.9};
            double[][] m1 = {
                {0.9 * 1 + 0.1 * 2.0, 0.9 * 0 + 0.1 * 0.0},
                {0.9 * 0 + 0.1 * 0.3, 0.9 * 1 + 0.1 * 2.2},
                {0.9 * -1, 0.9 * -1}
            };
            assertCodebook(book, m1, n1);
            assertThat(arrays(ema).get("codebook_cluster_size").getArray().toFloatArray())
                    .containsExactly(new float[] {(float) n1[0], (float) n1[1], (float) n1[2]}, within(1e-6f));

            ema.update(manager.create(rows2, new Shape(2, 2)), manager.create(codes2), book);
            double[] n2 = {0.9 * n1[0], 0.9 * n1[1] + 0.1 * 2, 0.9 * n1[2]};
            double[][] m2 = {
                {0.9 * m1[0][0], 0.9 * m1[0][1]},
                {0.9 * m1[1][0] + 0.1 * 1.5, 0.9 * m1[1][1] + 0.1 * 1.5},
                {0.9 * m1[2][0], 0.9 * m1[2][1]}
            };
            assertCodebook(book, m2, n2);
        }
    }

    /** e_k = m_k / N~_k with N~_k = (N_k + eps) / (sum N + K eps) * sum N. */
    private static void assertCodebook(NDArray book, double[][] m, double[] n) {
        double total = 0;
        for (double v : n) {
            total += v;
        }
        float[] got = book.toFloatArray();
        for (int k = 0; k < n.length; k++) {
            double smoothed = (n[k] + EPS) / (total + n.length * EPS) * total;
            for (int d = 0; d < 2; d++) {
                assertThat((double) got[k * 2 + d]).as("e[%d][%d]", k, d).isCloseTo(m[k][d] / smoothed, within(1e-5));
            }
        }
    }

    private static ParameterList arrays(CodebookEma ema) {
        ParameterList list = new ParameterList();
        ema.addTo(list);
        return list;
    }

    @Test
    void theEncoderUpdatesItsCodebookInTrainingPassesOnly() {
        try (TinyVqVae vq = new TinyVqVae(12, Map.of("codebook", "ema", "decay", "0.8"))) {
            Parameter codebook = vq.codebook();
            assertThat(codebook.requiresGradient()).isFalse();
            float[] before = codebook.getArray().toFloatArray();
            try (NDManager scope = vq.manager.newSubManager()) {
                vq.encoder.encode(TinyVqVae.images(scope, 4), vq.evaluation(scope));
            }
            assertThat(codebook.getArray().toFloatArray()).containsExactly(before);

            float[] ze;
            long[] indices;
            try (NDManager scope = vq.manager.newSubManager()) {
                Encoding.PointMass encoding =
                        (Encoding.PointMass) vq.encoder.encode(TinyVqVae.images(scope, 4), vq.training(scope));
                ze = encoding.extra(VqConvEncoder.Z_E).orElseThrow().toFloatArray();
                indices = encoding.extra(VqConvEncoder.INDICES).orElseThrow().toLongArray();
            }
            int dim = TinyVqVae.CODE_DIM;
            int positions = TinyVqVae.GRID * TinyVqVae.GRID;
            double[] n = new double[TinyVqVae.CODES];
            double[][] m = new double[TinyVqVae.CODES][dim];
            for (int k = 0; k < n.length; k++) {
                n[k] = 0.8;
                for (int d = 0; d < dim; d++) {
                    m[k][d] = 0.8 * before[k * dim + d];
                }
            }
            for (int i = 0; i < indices.length; i++) {
                int k = (int) indices[i];
                n[k] += 0.2;
                for (int d = 0; d < dim; d++) {
                    m[k][d] += 0.2 * ze[((i / positions) * dim + d) * positions + i % positions];
                }
            }
            double total = 0;
            for (double v : n) {
                total += v;
            }
            float[] after = codebook.getArray().toFloatArray();
            for (int k = 0; k < n.length; k++) {
                double smoothed = (n[k] + EPS) / (total + n.length * EPS) * total;
                for (int d = 0; d < dim; d++) {
                    assertThat((double) after[k * dim + d]).isCloseTo(m[k][d] / smoothed, within(1e-5));
                }
            }
        }
    }
}
