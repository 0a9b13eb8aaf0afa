package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.distribution.Distribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The uniform prior over code grids: log p = -h*w*log K for every grid, draws that are codebook
 * vectors with each code's frequency 1/K (within five standard errors), and the mean codebook
 * vector as its mean.
 */
final class UniformCodePriorTest {
    private static final int DRAWS = 3000;

    @Test
    void everyGridHasTheSameLogMass() {
        try (TinyVqVae vq = new TinyVqVae(2, Map.of());
                NDManager scope = vq.manager.newSubManager()) {
            Distribution p = vq.prior.distribution(vq.evaluation(scope));
            NDArray grids = scope.randomNormal(new Shape(2, 3).addAll(vq.encoder.latentShape()));
            NDArray logMass = p.logProb(grids);
            assertThat(logMass.getShape()).isEqualTo(new Shape(2, 3));
            double expected = -TinyVqVae.GRID * TinyVqVae.GRID * Math.log(TinyVqVae.CODES);
            for (float v : logMass.toFloatArray()) {
                assertThat((double) v).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void drawsAreCodebookVectorsInEqualProportions() {
        try (TinyVqVae vq = new TinyVqVae(3, Map.of());
                NDManager scope = vq.manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(8);
            Distribution p = vq.prior.distribution(vq.evaluation(scope));
            NDArray draws = p.sample(new Shape(DRAWS));
            assertThat(draws.getShape()).isEqualTo(new Shape(DRAWS).addAll(vq.encoder.latentShape()));
            float[] values = draws.toFloatArray();
            float[] book = vq.codebook().getArray().toFloatArray();
            int dim = TinyVqVae.CODE_DIM;
            int positions = TinyVqVae.GRID * TinyVqVae.GRID;
            int[] counts = new int[TinyVqVae.CODES];
            for (int n = 0; n < DRAWS; n++) {
                for (int q = 0; q < positions; q++) {
                    float[] v = new float[dim];
                    for (int d = 0; d < dim; d++) {
                        v[d] = values[(n * dim + d) * positions + q];
                    }
                    int k = NearestCodeTest.bruteForce(v, book, TinyVqVae.CODES, dim);
                    assertThat(NearestCodeTest.distance(v, 0, book, k * dim, dim))
                            .isZero();
                    counts[k]++;
                }
            }
            double total = DRAWS * (double) positions;
            double share = 1.0 / TinyVqVae.CODES;
            double standardError = Math.sqrt(share * (1 - share) / total);
            for (int count : counts) {
                assertThat(count / total).isCloseTo(share, within(5 * standardError));
            }
        }
    }

    @Test
    void theMeanIsTheAverageCodebookVectorEverywhere() {
        try (TinyVqVae vq = new TinyVqVae(4, Map.of());
                NDManager scope = vq.manager.newSubManager()) {
            float[] mean = vq.prior.distribution(vq.evaluation(scope)).mean().toFloatArray();
            float[] book = vq.codebook().getArray().toFloatArray();
            int dim = TinyVqVae.CODE_DIM;
            int positions = TinyVqVae.GRID * TinyVqVae.GRID;
            assertThat(mean).hasSize(dim * positions);
            for (int d = 0; d < dim; d++) {
                double average = 0;
                for (int k = 0; k < TinyVqVae.CODES; k++) {
                    average += book[k * dim + d] / (double) TinyVqVae.CODES;
                }
                for (int q = 0; q < positions; q++) {
                    assertThat((double) mean[d * positions + q]).isCloseTo(average, within(1e-6));
                }
            }
        }
    }
}
