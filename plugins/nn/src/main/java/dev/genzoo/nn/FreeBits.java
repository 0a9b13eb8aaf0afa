package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.Map;

/**
 * Free bits (Kingma et al. 2016, "Improved variational inference with inverse autoregressive
 * flow"): the KL of each group of latents, averaged over the
 * batch, is penalized only above lambda nats, sum_j max(lambda, E_x[KL_j]), so that the objective
 * stops pulling a group's posterior onto its prior below that and the units stay in use. The groups
 * are the latent layout's blocks: each layer of a hierarchy, or the whole latent.
 */
public final class FreeBits {
    /** {@code free-bits}: lambda, nats per latent block, 0 (off) by default. */
    public static final Option<Double> LAMBDA = Option.real(
                    "free-bits",
                    0.0,
                    "free bits (Kingma et al. 2016): nats of KL per latent layer (block) left unpenalized; 0 is off")
            .atLeast(0);

    private final float lambda;

    private FreeBits(float lambda) {
        this.lambda = lambda;
    }

    /**
     * The floor the option gives; off where the factory does not declare it.
     *
     * @param options the value of {@link #LAMBDA}, where declared
     * @return the floor
     */
    public static FreeBits of(Options options) {
        return new FreeBits(
                options.names().contains(LAMBDA.name()) ? options.get(LAMBDA).floatValue() : 0f);
    }

    /**
     * Whether a floor is set.
     *
     * @return lambda &gt; 0
     */
    public boolean on() {
        return lambda > 0;
    }

    /**
     * The floored KL: sum over blocks of max(lambda, the block's KL averaged over the batch). Below
     * lambda a block's term is constant and has no gradient.
     *
     * @param klPerBlock each block's KL per example, [B]
     * @return a scalar
     */
    public NDArray penalty(Map<String, NDArray> klPerBlock) {
        NDArray sum = null;
        for (NDArray kl : klPerBlock.values()) {
            NDArray floored = Scalars.maximum(kl.mean(), lambda);
            sum = sum == null ? floored : sum.add(floored);
        }
        return sum;
    }

    /**
     * Whether a block's KL, averaged over the batch, is above the floor and so penalized (an
     * importance-weighted objective keeps only those blocks' log-ratios in its gradient).
     *
     * @param meanKl the block's KL averaged over the batch (and samples), a scalar
     * @return true if it is at least lambda, or no floor is set
     */
    public boolean penalizes(NDArray meanKl) {
        return !on() || meanKl.getFloat() >= lambda;
    }
}
