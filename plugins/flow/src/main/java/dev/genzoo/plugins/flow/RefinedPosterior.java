package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.Reparameterizable;

/**
 * A diagonal Gaussian q_0(z_0|x) pushed through K flow steps, z_K = f_K o ... o f_1(z_0), with
 * log q_K(z_K) = log q_0(z_0) - sum_k log|det df_k/dz_{k-1}| (Rezende and Mohamed 2015, equation
 * 7). The density is known for the distribution's own draws only: {@link #rsampleWithLogProb}
 * gives it, {@link #logProb} of other values is not available, and there is no closed-form KL, so
 * an ELBO estimates the KL by Monte Carlo.
 */
final class RefinedPosterior implements Reparameterizable {
    private final Normal base;
    private final Flow flow;
    private final StepContext context;

    RefinedPosterior(Normal base, Flow flow, StepContext context) {
        this.base = base;
        this.flow = flow;
        this.context = context;
    }

    /** The Gaussian q_0 before the flow. */
    Normal base() {
        return base;
    }

    /** The flow steps f_1..f_K. */
    Flow flow() {
        return flow;
    }

    @Override
    public Shape batchShape() {
        return base.batchShape();
    }

    @Override
    public Shape eventShape() {
        return base.eventShape();
    }

    /** f(z_0) for a draw z_0 of the base: the same draws as {@link #rsampleWithLogProb}, without their density. */
    @Override
    public NDArray rsample(Shape sampleShape) {
        return flow.forward(base.rsample(sampleShape), context).value();
    }

    @Override
    public Draw rsampleWithLogProb(Shape sampleShape) {
        Draw start = base.rsampleWithLogProb(sampleShape);
        Transformed t = flow.forward(start.value(), context);
        return new Draw(t.value(), start.logProb().sub(t.logDet()));
    }

    /**
     * Not available: the flow steps cannot be inverted in closed form.
     *
     * @throws UnsupportedOperationException always; use {@link #rsampleWithLogProb}
     */
    @Override
    public NDArray logProb(NDArray value) {
        throw new UnsupportedOperationException(
                "a flow-refined posterior knows the density of its own draws only (rsampleWithLogProb)");
    }

    /**
     * A point estimate, not the exact mean: the flow applied to the base Gaussian's mean (what
     * reconstructions decode).
     *
     * @return f(mu), shape batch + event
     */
    @Override
    public NDArray mean() {
        return flow.forward(base.loc(), context).value();
    }
}
