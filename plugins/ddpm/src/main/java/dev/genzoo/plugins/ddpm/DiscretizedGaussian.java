package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;

/**
 * The last reverse step p(x_0 | x_1) for pixels that take L evenly spaced values in [-1, 1]: each
 * value gets the mass of N(mu, sigma^2) over its bin [x - 1/(L-1), x + 1/(L-1)], the outermost bins
 * extending to -inf and +inf (Ho et al. 2020, equation 13; Salimans et al. 2017).
 */
final class DiscretizedGaussian implements Distribution {
    /** The smallest probability a bin is given, as in Ho et al.'s code: log(1e-12) is about -27.6 nats. */
    static final float FLOOR = 1e-12f;

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private final Normal gaussian;
    private final float halfBin;

    /**
     * The discretization of a Gaussian to L values.
     *
     * @param gaussian N(mu, sigma^2) over [-1, 1]-scaled pixels
     * @param levels L, at least 2
     */
    DiscretizedGaussian(Normal gaussian, int levels) {
        this.gaussian = gaussian;
        this.halfBin = 1f / (levels - 1);
    }

    @Override
    public Shape batchShape() {
        return gaussian.batchShape();
    }

    @Override
    public Shape eventShape() {
        return gaussian.eventShape();
    }

    /** A Gaussian draw moved to the nearest of the L values. */
    @Override
    public NDArray sample(Shape sampleShape) {
        NDArray draw = gaussian.sample(sampleShape).clip(-1f, 1f);
        NDArray index = Scalars.times(Scalars.plus(draw, 1f), 1 / (2 * halfBin)).round();
        return Scalars.plus(Scalars.times(index, 2 * halfBin), -1f);
    }

    /**
     * log P(x) summed over the event axes, for x on the L values. The normal CDF is taken in
     * double precision, so that bins far in a tail (mass down to about 1e-14) keep their mass. A
     * cast to double cuts DJL's autograd graph, so the value is computed outside it, and the
     * gradient with respect to the mean and the log-variance is put back in closed form: with u and
     * l the bin's edges standardized, d log P / d mu = -(phi(u) - phi(l)) / (sigma P) and d log P /
     * d log sigma^2 = -(u phi(u) - l phi(l)) / (2 P), phi(l) = 0 for the first bin and phi(u) = 0
     * for the last; zero where P is floored.
     */
    @Override
    public NDArray logProb(NDArray x) {
        NDArray loc = gaussian.loc();
        NDArray logVariance = gaussian.logVariance();
        NDArray centred = x.sub(loc.stopGradient()).toType(DataType.FLOAT64, false);
        NDArray precision = Scalars.times(logVariance.stopGradient().toType(DataType.FLOAT64, false), -0.5f)
                .exp();
        NDArray upper = Scalars.plus(centred, halfBin).mul(precision);
        NDArray lower = Scalars.plus(centred, -halfBin).mul(precision);
        NDArray first = x.lt(Scalars.constant(x, -1f + halfBin)).broadcast(upper.getShape());
        NDArray last = x.gt(Scalars.constant(x, 1f - halfBin)).broadcast(upper.getShape());
        NDArray belowUpper = cdf(upper);
        NDArray mass =
                NDArrays.where(first, belowUpper, NDArrays.where(last, cdf(lower.neg()), belowUpper.sub(cdf(lower))));
        NDArray kept = mass.gt(Scalars.constant(mass, FLOOR));
        NDArray zero = upper.zerosLike();
        NDArray atUpper = NDArrays.where(last, zero, density(upper));
        NDArray atLower = NDArrays.where(first, zero, density(lower));
        NDArray safe = Scalars.maximum(mass, FLOOR);
        NDArray byMean =
                NDArrays.where(kept, atUpper.sub(atLower).mul(precision).neg().div(safe), zero);
        NDArray byLogVariance = NDArrays.where(
                kept,
                Scalars.times(upper.mul(atUpper).sub(lower.mul(atLower)), -0.5f).div(safe),
                zero);
        NDArray perValue = safe.log();
        NDArray value = perValue.sum(eventAxes(perValue)).toType(DataType.FLOAT32, false);
        NDArray surrogate = byMean.toType(DataType.FLOAT32, false)
                .mul(loc.sub(loc.stopGradient()))
                .add(byLogVariance.toType(DataType.FLOAT32, false).mul(logVariance.sub(logVariance.stopGradient())));
        return value.add(surrogate.sum(eventAxes(surrogate)));
    }

    /** The standard normal density phi(z). */
    private static NDArray density(NDArray z) {
        return Scalars.times(Scalars.times(z.square(), -0.5f).exp(), (float) (1 / Math.sqrt(2 * Math.PI)));
    }

    @Override
    public NDArray mean() {
        return gaussian.loc();
    }

    /** The standard normal CDF Phi(z) = (1 + erf(z / sqrt 2)) / 2. */
    private static NDArray cdf(NDArray z) {
        return Scalars.times(Scalars.plus(Scalars.times(z, INV_SQRT2).erf(), 1f), 0.5f);
    }

    private int[] eventAxes(NDArray values) {
        int rank = values.getShape().dimension();
        int event = gaussian.eventDims();
        int[] axes = new int[event];
        for (int i = 0; i < event; i++) {
            axes[i] = rank - event + i;
        }
        return axes;
    }
}
