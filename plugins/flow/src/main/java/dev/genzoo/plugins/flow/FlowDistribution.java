package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Reparameterizable;
import dev.genzoo.api.distribution.StandardNormal;

/**
 * The distribution of f^-1(u) for u ~ N(0, I): log p(z) = log N(f(z); 0, I) + log|det df/dz| by
 * the change of variables (Rezende and Mohamed 2015, equation 5), and draws by the inverse. One
 * distribution (batch shape ()) over events of the flow's shape.
 */
final class FlowDistribution implements Reparameterizable {
    private final Flow flow;
    private final StandardNormal base;
    private final StepContext context;

    FlowDistribution(Flow flow, StepContext context) {
        this.flow = flow;
        this.base = new StandardNormal(context.manager(), flow.event());
        this.context = context;
    }

    @Override
    public Shape batchShape() {
        return new Shape();
    }

    @Override
    public Shape eventShape() {
        return flow.event();
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        return flow.inverse(base.sample(sampleShape), context);
    }

    @Override
    public NDArray logProb(NDArray value) {
        Transformed t = flow.forward(value, context);
        return base.logProb(t.value()).add(t.logDet());
    }

    /**
     * A flow has no mean in closed form.
     *
     * @throws UnsupportedOperationException always; draw samples instead
     */
    @Override
    public NDArray mean() {
        throw new UnsupportedOperationException("a flow has no mean in closed form; draw samples instead");
    }
}
