package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.genzoo.api.Scalars;
import java.util.Objects;

/**
 * Independent pixels on K levels, each the mass a logistic distribution gives its bin (Salimans et
 * al. 2017, PixelCNN++, section 2.1, without the mixture): a value x = k / (K - 1) in [0, 1] is
 * read on the [-1, 1] scale as y = 2x - 1, where the bins have width 2 / (K - 1) and the first and
 * last reach to -inf and +inf, so P(y) = sigmoid((y + 1/(K-1) - mu) / s) - sigmoid((y - 1/(K-1) -
 * mu) / s) and the K masses sum to 1. Its log-probability is that of discrete data, so a bound
 * under it is a bound on log P(x) with nothing to add for dequantization.
 *
 * <p>Every level's log-mass is computed without a difference of sigmoids, which float32 rounds to
 * 0 in the tails: with a = (y - mu + 1/(K-1)) / s and b = (y - mu - 1/(K-1)) / s, sigmoid(a) -
 * sigmoid(b) = sigmoid(a) sigmoid(-b) (1 - exp(b - a)), so log P = -softplus(-a) - softplus(b) +
 * log(1 - exp(-2 / ((K-1) s))), the first level dropping the second term and the third, the last
 * level the first term and the third. Each term is finite for every mu and s.
 */
public final class DiscretizedLogistic implements Distribution {
    private final NDArray loc;
    private final NDArray logScale;
    private final int levels;
    private final int eventDims;
    private final float halfBin;

    /**
     * Pixels whose logistic has location mu and log-scale log s on the [-1, 1] scale.
     *
     * @param loc mu, shape {@code batch + event}
     * @param logScale log s, broadcastable to {@code loc}
     * @param levels K, at least 2: 256 for 8-bit pixels
     * @param eventDims how many trailing axes form one event
     */
    public DiscretizedLogistic(NDArray loc, NDArray logScale, int levels, int eventDims) {
        if (levels < 2) {
            throw new IllegalArgumentException("a discretized distribution needs at least 2 levels, got " + levels);
        }
        this.loc = Objects.requireNonNull(loc, "loc");
        this.logScale = Objects.requireNonNull(logScale, "logScale");
        this.levels = levels;
        this.eventDims = EventAxes.check(loc.getShape(), eventDims);
        this.halfBin = 1f / (levels - 1);
    }

    /**
     * The location mu on the [-1, 1] scale.
     *
     * @return shape {@code batch + event}
     */
    public NDArray loc() {
        return loc;
    }

    /**
     * The log-scale log s on the [-1, 1] scale.
     *
     * @return broadcastable to {@link #loc()}
     */
    public NDArray logScale() {
        return logScale;
    }

    /**
     * The number of values a pixel takes.
     *
     * @return K
     */
    public int levels() {
        return levels;
    }

    @Override
    public Shape batchShape() {
        return EventAxes.batch(loc.getShape(), eventDims);
    }

    @Override
    public Shape eventShape() {
        return EventAxes.event(loc.getShape(), eventDims);
    }

    /**
     * A logistic draw mu + s (log u - log(1 - u)), clipped to [-1, 1] and moved to the nearest of
     * the K levels: exactly a draw of the discretized variable. Returned on the data's [0, 1] scale.
     */
    @Override
    public NDArray sample(Shape sampleShape) {
        NDArray mu = loc.stopGradient();
        NDArray s = logScale.stopGradient().exp();
        Shape shape = sampleShape.addAll(loc.getShape());
        NDArray u = loc.getManager().randomUniform(1e-6f, 1f - 1e-6f, shape, loc.getDataType());
        NDArray logistic = u.log().sub(Scalars.plus(u.neg(), 1f).log());
        NDArray y = logistic.mul(s).add(mu).clip(-1f, 1f);
        NDArray k = Scalars.times(Scalars.plus(y, 1f), (levels - 1) / 2f).round();
        return Scalars.dividedBy(k, levels - 1f);
    }

    /**
     * log P(x) summed over the event axes.
     *
     * @param value pixels on the K levels of [0, 1], shape {@code [...] + eventShape}
     * @return shape {@code [...]}
     */
    @Override
    public NDArray logProb(NDArray value) {
        NDArray y = Scalars.plus(Scalars.times(value, 2f), -1f);
        NDArray precision = logScale.neg().exp();
        NDArray centred = y.sub(loc);
        NDArray a = Scalars.plus(centred, halfBin).mul(precision);
        NDArray b = Scalars.plus(centred, -halfBin).mul(precision);
        NDArray notFirst = y.gt(Scalars.constant(y, -1f + halfBin)).toType(y.getDataType(), false);
        NDArray notLast = y.lt(Scalars.constant(y, 1f - halfBin)).toType(y.getDataType(), false);
        NDArray belowUpper = Activation.softPlus(a.neg()).neg().mul(notLast);
        NDArray aboveLower = Activation.softPlus(b).neg().mul(notFirst);
        NDArray binWidth =
                logOneMinusExpNeg(Scalars.times(precision, 2 * halfBin)).mul(notFirst.mul(notLast));
        return EventAxes.sum(belowUpper.add(aboveLower).add(binWidth), eventDims);
    }

    /**
     * The mean of the logistic clipped to [-1, 1], 1 - s (softplus((1 - mu) / s) - softplus((-1 -
     * mu) / s)), on the [0, 1] scale: within half a bin of the discretized variable's mean (moving a
     * value to its nearest level moves it by at most that).
     */
    @Override
    public NDArray mean() {
        NDArray s = logScale.exp();
        NDArray precision = logScale.neg().exp();
        NDArray upper = Activation.softPlus(Scalars.plus(loc.neg(), 1f).mul(precision));
        NDArray lower = Activation.softPlus(Scalars.plus(loc.neg(), -1f).mul(precision));
        NDArray clipped = Scalars.plus(upper.sub(lower).mul(s).neg(), 1f);
        return Scalars.times(Scalars.plus(clipped, 1f), 0.5f);
    }

    /**
     * log(1 - exp(-d)) for d &gt; 0 in float32, keeping its digits for small d (a broad logistic):
     * there 1 - exp(-d) = d (1 - d/2 + d^2/6 - d^3/24 + d^4/120 - ...), cut after d^4 (relative error
     * under 2e-8 for d &lt; 0.1); above, 1 - exp(-d) loses no digit that matters. Each branch sees d
     * clamped into its own range, so the branch not taken has a finite gradient, multiplied by 0.
     * (Not a cast to float64: DJL's {@code toType} cuts the gradient.)
     */
    private static NDArray logOneMinusExpNeg(NDArray d) {
        float cut = 0.1f;
        NDArray small = Scalars.maximum(d.neg(), -cut).neg();
        NDArray series = Scalars.plus(Scalars.times(small, 1f / 120), -1f / 24);
        series = Scalars.plus(series.mul(small), 1f / 6);
        series = Scalars.plus(series.mul(small), -0.5f);
        series = Scalars.plus(series.mul(small), 1f);
        NDArray belowCut = small.log().add(series.log());
        NDArray large = Scalars.maximum(d, cut);
        NDArray aboveCut = Scalars.plus(large.neg().exp().neg(), 1f).log();
        return NDArrays.where(d.lt(Scalars.constant(d, cut)), belowCut, aboveCut);
    }
}
