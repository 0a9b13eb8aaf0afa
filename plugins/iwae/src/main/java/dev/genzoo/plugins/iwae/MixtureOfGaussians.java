package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.distribution.Distribution;
import java.util.Objects;

/**
 * A mixture of C Gaussians with diagonal covariances over latent vectors, p(z) = sum_c pi_c N(z;
 * mu_c, diag sigma_c^2), batched: weights as logits of shape {@code batch + [C]}, means and
 * log-variances of shape {@code batch + [C, L]}.
 *
 * <p>{@link #logProb} is a log-sum-exp over the components. {@link #sample} draws a component by
 * the Gumbel-max trick, then a Gaussian draw from it. There is no closed-form KL to anything, so
 * objectives estimate it by Monte Carlo.
 *
 * <p>How gradients reach the parameters of a reparameterized draw ({@link #rsample}): the
 * component index is discrete and has no pathwise derivative, so a draw z is given the implicit
 * reparameterization gradient of the mixture's distributional transform (Graves 2016, "Stochastic
 * backpropagation through mixture density distributions"; Figurnov et al. 2018, "Implicit
 * reparameterization gradients", section 3): with F_d(z_d | z_<d) the conditional CDF of the
 * mixture in dimension d, dz_d/dtheta = -(dF_d/dtheta) / p(z_d | z_<d), where the derivative of
 * F_d includes its dependence on the earlier coordinates. The draw is returned as z_d + (F_d -
 * sg(F_d)) * (-1 / sg(p_d)), which equals z_d in value and carries exactly that derivative, so
 * the weights, the means and the variances all receive unbiased gradients. The coordinates are
 * processed one after another (their conditional weights depend on the earlier ones), L small
 * batched steps; when gradients are not needed ({@code differentiable == false}, evaluation) the
 * draw skips them.
 */
public final class MixtureOfGaussians implements Distribution {
    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);
    private static final float INVERSE_SQRT2 = (float) (1 / Math.sqrt(2));
    /** The floor of a conditional log-density divided by: keeps 1 / p finite for a far-tail draw. */
    private static final float LOG_DENSITY_FLOOR = -60f;

    private final NDArray logits;
    private final NDArray loc;
    private final NDArray logVar;
    private final boolean differentiable;

    /**
     * A mixture of diagonal Gaussians.
     *
     * @param logits unnormalized log-weights, shape {@code batch + [C]}
     * @param loc component means, shape {@code batch + [C, L]}
     * @param logVar component log-variances, broadcastable to {@code loc}
     * @param differentiable whether {@link #rsample} computes implicit reparameterization gradients
     *     (true in training passes)
     */
    public MixtureOfGaussians(NDArray logits, NDArray loc, NDArray logVar, boolean differentiable) {
        this.logits = Objects.requireNonNull(logits, "logits");
        this.loc = Objects.requireNonNull(loc, "loc");
        this.logVar = Objects.requireNonNull(logVar, "logVar");
        this.differentiable = differentiable;
        Shape l = loc.getShape();
        if (l.dimension() < 2 || !logits.getShape().equals(l.slice(0, l.dimension() - 1))) {
            throw new IllegalArgumentException(
                    "a mixture needs logits of shape batch + [C] and means of shape batch + [C, L], got "
                            + logits.getShape() + " and " + l);
        }
    }

    /**
     * The number of components C.
     *
     * @return C
     */
    public int components() {
        return (int) loc.getShape().get(loc.getShape().dimension() - 2);
    }

    /**
     * The mixture weights pi_c, softmax of the logits.
     *
     * @return shape {@code batch + [C]}
     */
    public NDArray weights() {
        return logits.softmax(-1);
    }

    @Override
    public Shape batchShape() {
        return logits.getShape().slice(0, logits.getShape().dimension() - 1);
    }

    @Override
    public Shape eventShape() {
        return new Shape(loc.getShape().get(loc.getShape().dimension() - 1));
    }

    @Override
    public NDArray sample(Shape sampleShape) {
        Shape outer = sampleShape.addAll(batchShape());
        int c = components();
        NDArray u = logits.getManager().randomUniform(Float.MIN_NORMAL, 1f, outer.add(c));
        NDArray gumbel = u.log().neg().log().neg();
        NDArray chosen = logits.stopGradient().add(gumbel).argMax(-1).oneHot(c).toType(DataType.FLOAT32, false);
        NDArray selector = chosen.expandDims(-1);
        NDArray mean = selector.mul(loc.stopGradient()).sum(new int[] {outer.dimension()});
        NDArray allScales = Scalars.times(logVar.stopGradient(), 0.5f).exp();
        NDArray scale = selector.mul(allScales).sum(new int[] {outer.dimension()});
        return mean.add(scale.mul(logits.getManager().randomNormal(mean.getShape())));
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public NDArray rsample(Shape sampleShape) {
        NDArray z = sample(sampleShape);
        if (!differentiable) {
            return z;
        }
        int rank = z.getShape().dimension();
        int latent = (int) eventShape().get(0);
        NDArray runningLogWeights = logits.logSoftmax(-1);
        NDArray scale = Scalars.times(logVar, 0.5f).exp();
        NDList coordinates = new NDList();
        for (int d = 0; d < latent; d++) {
            NDIndex at = new NDIndex("..., " + d);
            NDArray zd = z.get(at).expandDims(-1);
            NDArray mu = loc.get(at);
            NDArray sigma = scale.get(at);
            NDArray lv = logVar.broadcast(loc.getShape()).get(at);
            NDArray weights = runningLogWeights.softmax(-1);
            NDArray standardized = zd.sub(mu).div(sigma);
            NDArray cdf = Scalars.times(
                    Scalars.plus(Scalars.times(standardized, INVERSE_SQRT2).erf(), 1f), 0.5f);
            NDArray conditionalCdf = weights.mul(cdf).sum(new int[] {rank - 1});
            NDArray logDensity = logNormal(standardized, lv);
            NDArray joint = runningLogWeights.logSoftmax(-1).add(logDensity);
            NDArray conditionalLogDensity = Scalars.maximum(LogSumExp.over(joint, rank - 1), LOG_DENSITY_FLOOR)
                    .stopGradient();
            NDArray slope = conditionalLogDensity.neg().exp().neg();
            NDArray surrogate = z.get(at)
                    .add(conditionalCdf.sub(conditionalCdf.stopGradient()).mul(slope));
            coordinates.add(surrogate);
            NDArray standardizedSurrogate = surrogate.expandDims(-1).sub(mu).div(sigma);
            runningLogWeights = runningLogWeights.add(logNormal(standardizedSurrogate, lv));
        }
        return NDArrays.stack(coordinates, rank - 1);
    }

    /** log N(z; mu, sigma^2) from u = (z - mu) / sigma and log sigma^2. */
    private static NDArray logNormal(NDArray standardized, NDArray logVariance) {
        return Scalars.times(Scalars.plus(standardized.square().add(logVariance), LOG_2PI), -0.5f);
    }

    @Override
    public NDArray logProb(NDArray value) {
        int rank = value.getShape().dimension();
        NDArray v = value.expandDims(rank - 1);
        NDArray squared = v.sub(loc).square().mul(logVar.neg().exp());
        NDArray perAxis = Scalars.times(Scalars.plus(squared.add(logVar), LOG_2PI), -0.5f);
        NDArray perComponent = perAxis.sum(new int[] {rank});
        NDArray joint = perComponent.add(logits.logSoftmax(-1));
        return LogSumExp.over(joint, joint.getShape().dimension() - 1);
    }

    @Override
    public NDArray mean() {
        int rank = loc.getShape().dimension();
        return weights().expandDims(-1).mul(loc).sum(new int[] {rank - 2});
    }
}
