package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.Reparameterizable;
import dev.genzoo.nn.GaussianMlp;

/**
 * Two stochastic layers as one distribution over the vector (z1, z2): an outer layer a with its
 * own distribution, and an inner layer b ~ N(mu(a), diag exp(logvar(a))) whose parameters an MLP
 * computes from a (Burda et al. 2016, section 5, the two-stochastic-layer architecture; a deep
 * latent Gaussian model of Rezende et al. 2014). The posterior q(z1|x) q(z2|z1) has a = z1; the
 * prior p(z2) p(z1|z2) has a = z2. Either way the vector holds z1 first, then z2.
 *
 * <p>Draws are ancestral and reparameterized, and their log-density is the sum of the two
 * layers'. {@link #mean()} is the chain of means (mean of a, then mu at that mean), the code a
 * reconstruction uses, not the mixture's true mean. There is no closed-form KL.
 */
final class GaussianChain implements Reparameterizable {
    private final Distribution outer;
    private final GaussianMlp conditional;
    private final StepContext context;
    private final boolean outerFirst;
    private final long outerSize;
    private final long innerSize;

    /**
     * A chain.
     *
     * @param outer the distribution of a, event shape (La)
     * @param conditional the Gaussian MLP from a to (mu, logvar) of b, 2 * Lb outputs
     * @param innerSize Lb
     * @param outerFirst whether a comes first in the vector (a posterior: a = z1)
     * @param context the step, for the MLP
     */
    GaussianChain(
            Distribution outer, GaussianMlp conditional, long innerSize, boolean outerFirst, StepContext context) {
        this.outer = outer;
        this.conditional = conditional;
        this.context = context;
        this.outerFirst = outerFirst;
        this.outerSize = outer.eventShape().get(0);
        this.innerSize = innerSize;
    }

    private Normal inner(NDArray a) {
        return conditional.apply(a, context);
    }

    private NDArray join(NDArray a, NDArray b) {
        NDList parts = outerFirst ? new NDList(a, b) : new NDList(b, a);
        return NDArrays.concat(parts, a.getShape().dimension() - 1);
    }

    @Override
    public Shape batchShape() {
        return outer.batchShape();
    }

    @Override
    public Shape eventShape() {
        return new Shape(outerSize + innerSize);
    }

    /** The ancestral draw alone: the same draws as {@link #rsampleWithLogProb}, without their density. */
    @Override
    public NDArray rsample(Shape sampleShape) {
        NDArray a = outer.rsample(sampleShape);
        return join(a, inner(a).rsample(new Shape()));
    }

    @Override
    public Draw rsampleWithLogProb(Shape sampleShape) {
        Draw a = outer.rsampleWithLogProb(sampleShape);
        Draw b = inner(a.value()).rsampleWithLogProb(new Shape());
        return new Draw(join(a.value(), b.value()), a.logProb().add(b.logProb()));
    }

    @Override
    public NDArray logProb(NDArray value) {
        int last = value.getShape().dimension() - 1;
        long split = outerFirst ? outerSize : innerSize;
        NDList parts = value.split(new long[] {split}, last);
        NDArray a = outerFirst ? parts.get(0) : parts.get(1);
        NDArray b = outerFirst ? parts.get(1) : parts.get(0);
        return outer.logProb(a).add(inner(a).logProb(b));
    }

    @Override
    public NDArray mean() {
        NDArray a = outer.mean();
        return join(a, inner(a).mean());
    }
}
