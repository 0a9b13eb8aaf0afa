package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDScope;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.StepwiseBound;
import dev.genzoo.runtime.data.Examples;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a chain's bound puts its nats: each step's term L_0, ..., L_T of a diffusion's negative
 * bound (Ho et al. 2020, equation 5), averaged over examples, from an objective that is a {@link
 * StepwiseBound}. Every step is evaluated for every example, so it runs on the first {@value
 * #EXAMPLES} examples at most.
 *
 * @param nats L_t at index t, in nats per example
 * @param examples the examples averaged over
 */
public record BoundPerStep(List<Double> nats, int examples) {
    /** The most examples the terms are averaged over. */
    public static final int EXAMPLES = 256;

    /**
     * Copies the list.
     */
    public BoundPerStep {
        nats = List.copyOf(nats);
    }

    /**
     * The terms of the first examples of a split, batch by batch, each batch in its own scope.
     *
     * @param bound the objective
     * @param model the model
     * @param data the split
     * @param n the examples evaluated; the first min(n, {@value #EXAMPLES}) are used
     * @param batch examples per pass
     * @param context an evaluation context
     * @return the mean terms
     */
    static BoundPerStep of(
            StepwiseBound bound, GenerativeModel model, Examples data, int n, int batch, StepContext context) {
        int used = Math.min(n, EXAMPLES);
        double[] sums = null;
        for (int start = 0; start < used; start += batch) {
            int end = Math.min(used, start + batch);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] terms = bound.termsPerStep(data.batch(start, end).x(), model, context)
                        .toFloatArray();
                if (sums == null) {
                    sums = new double[terms.length];
                }
                for (int t = 0; t < terms.length; t++) {
                    sums[t] += (double) terms[t] * (end - start);
                }
            }
        }
        List<Double> means = new ArrayList<>();
        for (double sum : sums) {
            means.add(sum / used);
        }
        return new BoundPerStep(means, used);
    }
}
