package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Reduction over a distribution's trailing event axes, shared by the distributions here. */
final class EventAxes {
    private EventAxes() {}

    /** Sums the last {@code eventDims} axes of {@code array}. */
    static NDArray sum(NDArray array, int eventDims) {
        if (eventDims == 0) {
            return array;
        }
        int rank = array.getShape().dimension();
        int[] axes = new int[eventDims];
        for (int i = 0; i < eventDims; i++) {
            axes[i] = rank - eventDims + i;
        }
        return array.sum(axes);
    }

    /** The leading (batch) part of a parameter's shape. */
    static Shape batch(Shape shape, int eventDims) {
        return shape.slice(0, shape.dimension() - eventDims);
    }

    /** The trailing (event) part of a parameter's shape. */
    static Shape event(Shape shape, int eventDims) {
        return shape.slice(shape.dimension() - eventDims);
    }

    /** Checks an event rank against a parameter's rank. */
    static int check(Shape shape, int eventDims) {
        if (eventDims < 0 || eventDims > shape.dimension()) {
            throw new IllegalArgumentException(
                    "event rank " + eventDims + " does not fit parameters of shape " + shape);
        }
        return eventDims;
    }
}
