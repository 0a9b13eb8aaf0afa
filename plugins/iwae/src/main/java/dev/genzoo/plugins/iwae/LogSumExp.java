package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;

/**
 * log sum_i exp(v_i) over one axis, computed as m + log sum_i exp(v_i - m) with m the largest
 * term held constant, so that terms of -10^4 neither underflow nor lose their gradient (the
 * gradient is the softmax of v either way). The importance weighted bound, the mixture density and
 * the VampPrior all reduce with it.
 */
final class LogSumExp {
    private LogSumExp() {}

    /**
     * Reduces one axis.
     *
     * @param values the terms
     * @param axis the axis to reduce, counted from 0
     * @return values' shape without that axis
     */
    static NDArray over(NDArray values, int axis) {
        NDArray largest = values.max(new int[] {axis}, true).stopGradient();
        return values.sub(largest).exp().sum(new int[] {axis}).log().add(largest.squeeze(axis));
    }
}
