package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;

/**
 * The image y = f(x) of a batch of rows under a flow step, and log|det df/dx| of each row (Rezende
 * and Mohamed 2015, equation 5). A step whose log-determinant is a sum over elements (a coupling,
 * an autoregressive or an elementwise step) hands over the terms [N, D] unsummed, so a flow adds
 * its steps' terms and sums once, not once per step.
 */
final class Transformed {
    private final NDArray value;
    private final NDArray perRow;
    private final NDArray perElement;

    private Transformed(NDArray value, NDArray perRow, NDArray perElement) {
        this.value = value;
        this.perRow = perRow;
        this.perElement = perElement;
    }

    /**
     * y with log|det| per row.
     *
     * @param value y, shape [N, D]
     * @param logDet shape [N]
     * @return the result
     */
    static Transformed ofRows(NDArray value, NDArray logDet) {
        return new Transformed(value, logDet, null);
    }

    /**
     * y with log|det| as terms that sum over each row's elements.
     *
     * @param value y, shape [N, D]
     * @param terms shape [N, D]
     * @return the result
     */
    static Transformed ofElements(NDArray value, NDArray terms) {
        return new Transformed(value, null, terms);
    }

    /** y, shape [N, D] (or the flow's input shape, from {@link Flow}). */
    NDArray value() {
        return value;
    }

    /** log|det df/dx| per row, shape [N] (or the input's leading shape, from {@link Flow}). */
    NDArray logDet() {
        return perRow != null ? perRow : perElement.sum(new int[] {1});
    }

    /** The unsummed terms [N, D], or null for a step that gives log|det| per row only. */
    NDArray terms() {
        return perElement;
    }
}
