package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import java.util.Objects;
import java.util.Optional;

/** The standard normal N(0, I) over one event shape, with no parameters and no batch axes. */
public final class StandardNormal implements Distribution {
    private final NDManager manager;
    private final Shape eventShape;

    /**
     * N(0, I) over events of the given shape.
     *
     * @param manager where draws are created (the device's manager)
     * @param eventShape the shape of one draw
     */
    public StandardNormal(NDManager manager, Shape eventShape) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.eventShape = Objects.requireNonNull(eventShape, "eventShape");
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
        return manager.randomNormal(sampleShape.addAll(eventShape));
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        return sample(sampleShape);
    }

    @Override
    public NDArray logProb(NDArray value) {
        return EventAxes.sum(Scalars.times(value.square().add(Normal.LOG_2PI), -0.5f), eventShape.dimension());
    }

    @Override
    public NDArray mean() {
        return manager.zeros(eventShape);
    }

    /** KL(N(0, I) || N(0, I)) = 0; against a diagonal Gaussian it is that Gaussian's formula reversed. */
    @Override
    public Optional<NDArray> klDivergence(Distribution other) {
        if (other instanceof StandardNormal p && p.eventShape.equals(eventShape)) {
            return Optional.of(manager.zeros(new Shape()));
        }
        if (other instanceof Normal p && p.eventDims() == eventShape.dimension()) {
            NDArray lv = p.logVariance();
            NDArray perAxis =
                    lv.add(lv.neg().exp().mul(p.loc().square().add(1))).sub(1);
            return Optional.of(
                    Scalars.times(EventAxes.sum(perAxis.broadcast(p.loc().getShape()), p.eventDims()), 0.5f));
        }
        return Optional.empty();
    }
}
