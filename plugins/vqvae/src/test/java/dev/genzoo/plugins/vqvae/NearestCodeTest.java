package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chosen code is the nearest one, against a brute-force search in double precision over every
 * code (where two codes are within rounding of each other, either may be chosen), and the encoder's
 * z_q and straight-through z are that code's vector.
 */
final class NearestCodeTest {

    /** The index of the nearest row of {@code book} [K, D] to {@code z} [D], by squared distance. */
    static int bruteForce(float[] z, float[] book, int codes, int dim) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < codes; k++) {
            double d = distance(z, 0, book, k * dim, dim);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    static double distance(float[] a, int fromA, float[] b, int fromB, int dim) {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            double diff = (double) a[fromA + i] - b[fromB + i];
            sum += diff * diff;
        }
        return sum;
    }

    @Test
    void nearestIsTheBruteForceArgmin() {
        int n = 500;
        int codes = 37;
        int dim = 7;
        Random random = new Random(11);
        float[] rows = new float[n * dim];
        float[] book = new float[codes * dim];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < book.length; i++) {
            book[i] = (float) (0.8 * random.nextGaussian());
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            long[] chosen = VectorQuantizer.nearest(
                            manager.create(rows, new Shape(n, dim)), manager.create(book, new Shape(codes, dim)))
                    .toLongArray();
            assertThat(chosen).hasSize(n);
            for (int i = 0; i < n; i++) {
                float[] z = new float[dim];
                System.arraycopy(rows, i * dim, z, 0, dim);
                int expected = bruteForce(z, book, codes, dim);
                double best = distance(z, 0, book, expected * dim, dim);
                double got = distance(z, 0, book, (int) chosen[i] * dim, dim);
                assertThat(got)
                        .as("row %d: code %d against brute force %d", i, chosen[i], expected)
                        .isCloseTo(best, within(1e-5 * (1 + best)));
            }
        }
    }

    @Test
    void theEncoderSnapsEveryPositionToItsNearestCode() {
        try (TinyVqVae vq = new TinyVqVae(4, Map.of());
                NDManager scope = vq.manager.newSubManager()) {
            Encoding.PointMass encoding =
                    (Encoding.PointMass) vq.encoder.encode(TinyVqVae.images(scope, 5), vq.evaluation(scope));
            int dim = TinyVqVae.CODE_DIM;
            int positions = TinyVqVae.GRID * TinyVqVae.GRID;
            float[] ze = encoding.extra(VqConvEncoder.Z_E).orElseThrow().toFloatArray();
            float[] zq = encoding.extra(VqConvEncoder.Z_Q).orElseThrow().toFloatArray();
            float[] z = encoding.z().toFloatArray();
            long[] indices = encoding.extra(VqConvEncoder.INDICES).orElseThrow().toLongArray();
            float[] book = vq.codebook().getArray().toFloatArray();
            assertThat(encoding.z().getShape()).isEqualTo(new Shape(5, dim, TinyVqVae.GRID, TinyVqVae.GRID));
            assertThat(indices).hasSize(5 * positions);
            for (int b = 0; b < 5; b++) {
                for (int p = 0; p < positions; p++) {
                    float[] vector = new float[dim];
                    for (int d = 0; d < dim; d++) {
                        vector[d] = ze[(b * dim + d) * positions + p];
                    }
                    int k = (int) indices[b * positions + p];
                    int expected = bruteForce(vector, book, TinyVqVae.CODES, dim);
                    assertThat(distance(vector, 0, book, k * dim, dim))
                            .isCloseTo(distance(vector, 0, book, expected * dim, dim), within(1e-6));
                    for (int d = 0; d < dim; d++) {
                        int at = (b * dim + d) * positions + p;
                        assertThat(zq[at]).isEqualTo(book[k * dim + d]);
                        assertThat(z[at]).isCloseTo(book[k * dim + d], within(1e-6f));
                    }
                }
            }
        }
    }
}
