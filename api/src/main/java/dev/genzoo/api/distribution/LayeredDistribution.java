package dev.genzoo.api.distribution;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.LatentLayout;
import java.util.Map;

/**
 * A distribution over a latent of named blocks whose log-density is one term per block (api 1.2):
 * a directed model's chain rule, log q(z) = sum_l log q(z_l | its parents), as the layers of a
 * hierarchical posterior q(z1|x) q(z2|z1) ... or prior p(zL) ... p(z1|z2) factorize (Sonderby et al.
 * 2016, equations 1 and 2). With a posterior and a prior of the same layout an objective splits
 * the KL into one term per layer: log q(z_l | .) - log p(z_l | .) at a draw z.
 */
public interface LayeredDistribution extends Distribution {

    /**
     * The blocks the terms belong to.
     *
     * @return the layout, its shape this distribution's event shape
     */
    LatentLayout layout();

    /**
     * The log-density of values, one term per block, each summed over its block's units; the terms
     * sum to {@link #logProb}.
     *
     * @param value shape {@code [...] + eventShape}, broadcastable against the batch shape
     * @return one array of shape {@code [...]} per block name, in the layout's order
     */
    Map<String, NDArray> logProbPerBlock(NDArray value);
}
