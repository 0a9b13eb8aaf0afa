package dev.genzoo.runtime.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import java.util.Optional;

/**
 * Ancestral sampling (z ~ p(z), then the mean of p(x|z)) or a named sampler, and reconstruction (the decoder's mean
 * at the encoder's most likely code), for every encoder kind that has one.
 */
final class Generation {
    private Generation() {}

    /** n draws from the model: the sampler's, or without one the mean of p(x|z) for z ~ p(z). */
    static NDArray sample(GenerativeModel model, Sampler sampler, int n, StepContext context) {
        if (sampler != null) {
            return sampler.sample(n, context);
        }
        Distribution prior = model.prior().distribution(context);
        NDArray z = prior.sample(new Shape(n));
        return model.decoder().decode(z, context).mean();
    }

    /** The decoder's mean at the encoder's code for x; empty for a fixed process (nothing to invert). */
    static Optional<NDArray> reconstruct(GenerativeModel model, NDArray x, StepContext context) {
        Encoding encoding = model.encoder().encode(x, context);
        NDArray z;
        if (encoding instanceof Encoding.Density density) {
            z = density.posterior().mean();
        } else if (encoding instanceof Encoding.PointMass point) {
            z = point.z();
        } else if (encoding instanceof Encoding.Bijection bijection) {
            z = bijection.z();
        } else {
            return Optional.empty();
        }
        return Optional.of(model.decoder().decode(z, context).mean());
    }
}
