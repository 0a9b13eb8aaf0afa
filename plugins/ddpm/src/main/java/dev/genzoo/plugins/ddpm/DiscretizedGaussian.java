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
     * double precision, so that bins far in a tail (mass down to about 1e-14) keep their mass.
     */
    @Override
    public NDArray logProb(NDArray x) {
        NDArray centred = x.sub(gaussian.loc());
        NDArray precision = Scalars.times(gaussian.logVariance(), -0.5f).exp();
        NDArray upper = Scalars.plus(centred, halfBin).mul(precision).toType(DataType.FLOAT64, false);
        NDArray lower = Scalars.plus(centred, -halfBin).mul(precision).toType(DataType.FLOAT64, false);
        NDArray below = log(cdf(upper));
        NDArray above = log(cdf(lower.neg()));
        NDArray inside = log(cdf(upper).sub(cdf(lower)));
        NDArray first = x.lt(Scalars.constant(x, -1f + halfBin));
        NDArray last = x.gt(Scalars.constant(x, 1f - halfBin));
        NDArray perValue = NDArrays.where(first, below, NDArrays.where(last, above, inside));
        return perValue.sum(eventAxes(perValue)).toType(DataType.FLOAT32, false);
    }

    @Override
    public NDArray mean() {
        return gaussian.loc();
    }

    /** The standard normal CDF Phi(z) = (1 + erf(z / sqrt 2)) / 2. */
    private static NDArray cdf(NDArray z) {
        return Scalars.times(Scalars.plus(Scalars.times(z, INV_SQRT2).erf(), 1f), 0.5f);
    }

    private static NDArray log(NDArray probability) {
        return Scalars.maximum(probability, FLOOR).log();
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
