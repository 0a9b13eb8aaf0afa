package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.DiscretizedLogistic;
import dev.genzoo.api.options.Option;

/**
 * A decoder's output over pixels of K levels, p(x|z) = prod_i DiscretizedLogistic(x_i; mu_i(z),
 * s_i(z)), the network giving a location and a log-scale per pixel (Salimans et al. 2017,
 * PixelCNN++, section 2.1, one logistic per pixel). The log-scale is floored at {@value #LOG_SCALE_FLOOR}
 * as in their code: an ever sharper bin around a pixel that never changes gains at most log 1 = 0,
 * so no singularity arises, but the floor keeps the gradients of a near-certain pixel finite.
 */
public final class DiscretizedLogisticHead implements OutputHead {
    /** The least log-scale a pixel gets, as in Salimans et al.'s code. */
    public static final float LOG_SCALE_FLOOR = -7f;

    /** {@code levels}: the values a pixel takes; genzoo sets it from the data. */
    public static final Option<Integer> LEVELS = Option.integer(
                    "levels",
                    256,
                    "values a pixel takes (the likelihood's bins); genzoo sets it from the data (256 for 8-bit"
                            + " images, 17 for the digits) unless given")
            .atLeast(2);

    private final int levels;
    private final int eventDims;

    /**
     * A head over examples of a shape.
     *
     * @param dataShape one example's shape, the event
     * @param levels K
     */
    public DiscretizedLogisticHead(Shape dataShape, int levels) {
        this.levels = levels;
        this.eventDims = dataShape.dimension();
    }

    /**
     * The pixels' distribution.
     *
     * @param outputs [..., 2 d0, d1, ...]: the locations on the event's first axis, then the
     *     log-scales
     * @param context the pass
     * @return p(x|z), its event the data shape
     */
    @Override
    public DiscretizedLogistic distribution(NDArray outputs, StepContext context) {
        int axis = outputs.getShape().dimension() - eventDims;
        NDList halves = outputs.split(2, axis);
        NDArray logScale = Scalars.maximum(halves.get(1), LOG_SCALE_FLOOR);
        return new DiscretizedLogistic(halves.get(0), logScale, levels, eventDims);
    }

    /** A location and a log-scale per pixel. */
    @Override
    public int outputsPerValue() {
        return 2;
    }
}
