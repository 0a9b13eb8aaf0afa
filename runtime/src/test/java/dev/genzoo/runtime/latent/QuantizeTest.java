package dev.genzoo.runtime.latent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Snapping z_e to the codebook, checked against a search over every code by hand. */
final class QuantizeTest {
    @Test
    void eachVectorOfTheGridBecomesItsNearestCode() {
        Random random = new Random(3);
        int b = 2, d = 3, h = 2, w = 4, k = 5;
        float[] ze = new float[b * d * h * w];
        float[] book = new float[k * d];
        for (int i = 0; i < ze.length; i++) {
            ze[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < book.length; i++) {
            book[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray zq = LatentCodes.quantize(
                    manager.create(ze, new Shape(b, d, h, w)), manager.create(book, new Shape(k, d)));
            assertThat(zq.getShape()).isEqualTo(new Shape(b, d, h, w));
            float[] got = zq.toFloatArray();
            for (int n = 0; n < b; n++) {
                for (int p = 0; p < h * w; p++) {
                    int best = -1;
                    double bestDistance = Double.MAX_VALUE;
                    for (int c = 0; c < k; c++) {
                        double dist = 0;
                        for (int j = 0; j < d; j++) {
                            double diff = ze[(n * d + j) * h * w + p] - book[c * d + j];
                            dist += diff * diff;
                        }
                        if (dist < bestDistance) {
                            bestDistance = dist;
                            best = c;
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        assertThat(got[(n * d + j) * h * w + p]).isEqualTo(book[best * d + j]);
                    }
                }
            }
        }
    }
}
