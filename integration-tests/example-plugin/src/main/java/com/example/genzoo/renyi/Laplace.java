package com.example.genzoo.renyi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.distribution.Distribution;

/**
 * Independent Laplace distributions with location 0 and scale b over one event, density
 * exp(-|z| / b) / (2b) per axis; drawn as b (E1 - E2) with E1, E2 standard exponentials, which
 * is differentiable in b. Batch shape (), as a prior's.
 */
final class Laplace implements Distribution {
    private static final float LOG_2 = (float) Math.log(2);

    private final NDManager manager;
    private final NDArray scale;
    private final Shape eventShape;

    /**
     * @param manager where draws are created
     * @param scale the scales b, broadcastable to the event shape
     * @param eventShape the shape of one draw
     */
    Laplace(NDManager manager, NDArray scale, Shape eventShape) {
        this.manager = manager;
        this.scale = scale;
        this.eventShape = eventShape;
    }

    @Override
    public Shape batchShape() {
        return new Shape();
    }

    @Override
    public Shape eventShape() {
        return eventShape;
    }

    @Override
    public NDArray sample(Shape sampleShape) {
        return rsample(sampleShape).stopGradient();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        Shape shape = sampleShape.addAll(eventShape);
        return standardExponential(shape).sub(standardExponential(shape)).mul(scale);
    }

    /** -log(1 - U) for U uniform on [0, 1): finite, since 1 - U is never 0. */
    private NDArray standardExponential(Shape shape) {
        return Scalars.plus(manager.randomUniform(0f, 1f, shape).neg(), 1f).log().neg();
    }

    /** The sum over the event of -|z| / b - log(2b). */
    @Override
    public NDArray logProb(NDArray value) {
        NDArray perAxis = value.abs().div(scale).add(Scalars.plus(scale.log(), LOG_2)).neg();
        int rank = perAxis.getShape().dimension();
        int[] axes = new int[eventShape.dimension()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = rank - axes.length + i;
        }
        return axes.length == 0 ? perAxis : perAxis.sum(axes);
    }

    @Override
    public NDArray mean() {
        return manager.zeros(eventShape);
    }
}
