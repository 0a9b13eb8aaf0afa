package com.example.genzoo.renyi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.distribution.Reparameterizable;

/**
 * Independent Laplace distributions with locations mu and scales b over the trailing event axes,
 * density exp(-|z - mu| / b) / (2b) per axis; drawn as mu + b (E1 - E2) with E1, E2 standard
 * exponentials, which is differentiable in mu and b.
 */
final class Laplace implements Reparameterizable {
    private static final float LOG_2 = (float) Math.log(2);

    private final NDManager manager;
    private final NDArray loc;
    private final NDArray scale;
    private final int eventDims;

    /**
     * @param manager where draws are created
     * @param loc the locations mu, shape batch + event
     * @param scale the scales b, broadcastable to loc
     * @param eventDims how many trailing axes of loc form one event
     */
    Laplace(NDManager manager, NDArray loc, NDArray scale, int eventDims) {
        this.manager = manager;
        this.loc = loc;
        this.scale = scale;
        this.eventDims = eventDims;
    }

    @Override
    public Shape batchShape() {
        return loc.getShape().slice(0, loc.getShape().dimension() - eventDims);
    }

    @Override
    public Shape eventShape() {
        return loc.getShape().slice(loc.getShape().dimension() - eventDims);
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        Shape shape = sampleShape.addAll(loc.getShape());
        return standardExponential(shape).sub(standardExponential(shape)).mul(scale).add(loc);
    }

    /** -log(1 - U) for U uniform on [0, 1): finite, since 1 - U is never 0. */
    private NDArray standardExponential(Shape shape) {
        return Scalars.plus(manager.randomUniform(0f, 1f, shape).neg(), 1f).log().neg();
    }

    /** The sum over the event of -|z - mu| / b - log(2b). */
    @Override
    public NDArray logProb(NDArray value) {
        NDArray perAxis = value.sub(loc).abs().div(scale).add(Scalars.plus(scale.log(), LOG_2)).neg();
        int rank = perAxis.getShape().dimension();
        int[] axes = new int[eventDims];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = rank - axes.length + i;
        }
        return axes.length == 0 ? perAxis : perAxis.sum(axes);
    }

    @Override
    public NDArray mean() {
        return loc;
    }
}
