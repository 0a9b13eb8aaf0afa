package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gaussian with diagonal covariance, parameterized by its mean and log-variance (the output of a
 * VAE encoder, Kingma and Welling 2014, appendix C.2). KL to another diagonal Gaussian or to a
 * {@link StandardNormal} is analytic (ibid., appendix B).
 */
public final class Normal implements Reparameterizable {
    /**
     * log(2 pi) as a float: DJL turns a Double operand into a 0-dim float64 array, which promotes a
     * 0-dim float32 result (a batch-less KL or log-density) to float64. Float constants keep
     * float32 results float32.
     */
    static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    private final NDArray loc;
    private final NDArray logVar;
    private final int eventDims;
    private NDArray scale;

    private Normal(NDArray loc, NDArray logVar, int eventDims) {
        this.loc = Objects.requireNonNull(loc, "loc");
        this.logVar = Objects.requireNonNull(logVar, "logVar");
        this.eventDims = EventAxes.check(loc.getShape(), eventDims);
    }

    /**
     * A diagonal Gaussian from mean and log-variance.
     *
     * @param loc the mean, shape {@code batch + event}
     * @param logVar the log-variance, broadcastable to {@code loc}
     * @param eventDims how many trailing axes form one event
     * @return the distribution
     */
    public static Normal ofLogVariance(NDArray loc, NDArray logVar, int eventDims) {
        return new Normal(loc, logVar, eventDims);
    }

    /**
     * The mean.
     *
     * @return shape {@code batch + event}
     */
    public NDArray loc() {
        return loc;
    }

    /**
     * The log-variance.
     *
     * @return broadcastable to {@link #loc()}
     */
    public NDArray logVariance() {
        return logVar;
    }

    /**
     * The standard deviation exp(logVar / 2), computed once.
     *
     * @return broadcastable to {@link #loc()}
     */
    public NDArray scale() {
        if (scale == null) {
            scale = Scalars.times(logVar, 0.5f).exp();
        }
        return scale;
    }

    /**
     * The number of trailing axes that form one event.
     *
     * @return the event rank
     */
    public int eventDims() {
        return eventDims;
    }

    @Override
    public Shape batchShape() {
        return EventAxes.batch(loc.getShape(), eventDims);
    }

    @Override
    public Shape eventShape() {
        return EventAxes.event(loc.getShape(), eventDims);
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        return loc.add(scale().mul(noise(sampleShape)));
    }

    /** log N(z; mu, sigma) from the standard noise eps that drew z: no division by sigma. */
    @Override
    public Draw rsampleWithLogProb(Shape sampleShape) {
        NDArray eps = noise(sampleShape);
        NDArray value = loc.add(scale().mul(eps));
        NDArray perAxis = Scalars.times(Scalars.plus(eps.square().add(logVar), LOG_2PI), -0.5f);
        return new Draw(value, EventAxes.sum(perAxis, eventDims));
    }

    private NDArray noise(Shape sampleShape) {
        return loc.getManager().randomNormal(sampleShape.addAll(loc.getShape()));
    }

    @Override
    public NDArray logProb(NDArray value) {
        NDArray squared = value.sub(loc).square().mul(logVar.neg().exp());
        NDArray perAxis = Scalars.times(Scalars.plus(squared.add(logVar), LOG_2PI), -0.5f);
        return EventAxes.sum(perAxis, eventDims);
    }

    @Override
    public NDArray mean() {
        return loc;
    }

    /**
     * Closed form against a diagonal Gaussian or a standard normal of the same event rank:
     * 0.5 * sum(logVar_p - logVar_q + (var_q + (mu_q - mu_p)^2) / var_p - 1).
     */
    @Override
    public Optional<NDArray> klDivergence(Distribution other) {
        if (other instanceof StandardNormal p && p.eventShape().dimension() == eventDims) {
            // 0.5 * (sum(mu^2 + var - logVar) - D): the constant enters once per example
            NDArray perAxis = full(loc.square().add(logVar.exp()).sub(logVar), loc.getShape());
            return Optional.of(halfMinus(EventAxes.sum(perAxis, eventDims), eventSize(loc.getShape())));
        }
        if (other instanceof Normal p && p.eventDims == eventDims) {
            NDArray ratio =
                    logVar.exp().add(loc.sub(p.loc).square()).mul(p.logVar.neg().exp());
            Shape shape = broadcastShape(loc.getShape(), p.loc.getShape());
            NDArray perAxis = full(p.logVar.sub(logVar).add(ratio), shape);
            return Optional.of(halfMinus(EventAxes.sum(perAxis, eventDims), eventSize(shape)));
        }
        return Optional.empty();
    }

    /** 0.5 * (sum - d), with engine constants. */
    private static NDArray halfMinus(NDArray sum, long d) {
        return Scalars.times(Scalars.plus(sum, -d), 0.5f);
    }

    /** The array broadcast to a shape, without an op when it already has it. */
    private static NDArray full(NDArray array, Shape shape) {
        return array.getShape().equals(shape) ? array : array.broadcast(shape);
    }

    private long eventSize(Shape shape) {
        return EventAxes.event(shape, eventDims).size();
    }

    private static Shape broadcastShape(Shape a, Shape b) {
        int rank = Math.max(a.dimension(), b.dimension());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.dimension() ? 1 : a.get(i - (rank - a.dimension()));
            long y = i < rank - b.dimension() ? 1 : b.get(i - (rank - b.dimension()));
            out[i] = Math.max(x, y);
        }
        return new Shape(out);
    }
}
