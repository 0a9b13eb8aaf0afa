package dev.genzoo.nn;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.LayeredDistribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The log-densities of a posterior draw under a layered posterior and a layered prior of the same
 * latent layout, layer by layer, and from them the Monte Carlo KL of each layer, log q(z_l | .) -
 * log p(z_l | .) at the draw (Sonderby et al. 2016, equation 7 written per layer): what an objective
 * reports as the KL per layer of a hierarchy.
 *
 * @param logPosterior log q of each layer's term at the draw, in layout order
 * @param logPrior log p of each layer's term at the draw, in layout order
 */
public record LayerTerms(Map<String, NDArray> logPosterior, Map<String, NDArray> logPrior) {

    /**
     * The terms of a draw, where posterior and prior are layered alike and have more than one layer.
     *
     * @param posterior q(z|x)
     * @param draw a draw from it, with or without its terms per block
     * @param prior p(z)
     * @return the terms, or empty for a latent of one block or distributions without layers
     */
    public static Optional<LayerTerms> of(Distribution posterior, Draw draw, Distribution prior) {
        if (posterior instanceof LayeredDistribution q
                && prior instanceof LayeredDistribution p
                && q.layout().isLayered()
                && q.layout().equals(p.layout())) {
            Map<String, NDArray> logQ =
                    draw.logProbPerBlock().isEmpty() ? q.logProbPerBlock(draw.value()) : draw.logProbPerBlock();
            return Optional.of(new LayerTerms(logQ, p.logProbPerBlock(draw.value())));
        }
        return Optional.empty();
    }

    /**
     * log q(z_l | .) - log p(z_l | .) for each layer.
     *
     * @return the terms by layer name, in layout order
     */
    public Map<String, NDArray> klPerLayer() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        logPosterior.forEach((name, q) -> out.put(name, q.sub(logPrior.get(name))));
        return out;
    }

    /**
     * log p(z) at the draw: the prior's terms summed.
     *
     * @return the sum over layers
     */
    public NDArray logPriorSum() {
        NDArray sum = null;
        for (NDArray term : logPrior.values()) {
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
