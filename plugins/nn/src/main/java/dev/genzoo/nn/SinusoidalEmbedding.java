package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The sinusoidal position embedding of a step t (Vaswani et al. 2017, section 3.5, as Ho et al.
 * 2020 use it, appendix B): [sin(t f_0), ..., sin(t f_{h-1}), cos(t f_0), ..., cos(t f_{h-1})]
 * with f_i = 10000^(-i/h) and h half the width, tabulated once for t = 0..T.
 */
public final class SinusoidalEmbedding {
    private SinusoidalEmbedding() {}

    /**
     * The embeddings of every step as rows of a [T + 1, width] table.
     *
     * @param manager a long-lived manager (the model's)
     * @param steps T
     * @param width the embedding width, even
     * @return the table
     */
    public static NDArray table(NDManager manager, int steps, int width) {
        int half = width / 2;
        float[] values = new float[(steps + 1) * width];
        for (int t = 0; t <= steps; t++) {
            for (int i = 0; i < half; i++) {
                double angle = t * Math.exp(-Math.log(10000.0) * i / half);
                values[t * width + i] = (float) Math.sin(angle);
                values[t * width + half + i] = (float) Math.cos(angle);
            }
        }
        return manager.create(values, new Shape(steps + 1, width));
    }
}
