package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.runtime.data.Dataset;
import dev.genzoo.runtime.model.AssembledModel;

/**
 * Which of the api's distributions a model's likelihood p(x|z) is: a Bernoulli one (binary pixels,
 * Kingma and Welling 2014, appendix C.1), a discretized logistic over K levels (Salimans et al.
 * 2017), or another; learnt by encoding one example and decoding its code, without gradients. Only
 * density and point-mass encoders have a decoder that is a likelihood: a flow's decoder is its
 * inverse, a diffusion's the whole reverse chain.
 */
final class LikelihoodProbe {
    private LikelihoodProbe() {}

    /**
     * Decodes the code of the first example and looks at the distribution returned.
     *
     * @param model the model
     * @param examples data with at least one example
     * @return the class of the distribution the decoder returns, or {@code Distribution.class} for a
     *     model whose decoder is no likelihood
     */
    static Class<? extends Distribution> likelihood(AssembledModel model, Dataset examples) {
        GenerativeModel parts = model.model();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] first = examples.first(1).values();
            NDArray x = model.manager().create(first, new Shape(1).addAll(examples.exampleShape()));
            StepContext context = model.withLabels(
                    StepContext.evaluation(0, model.manager(), model.parameterStore()),
                    model.manager().create(new long[] {0}));
            Encoding encoding = parts.encoder().encode(x, context);
            NDArray z;
            if (encoding instanceof Encoding.Density density) {
                z = density.posterior().mean();
            } else if (encoding instanceof Encoding.PointMass point) {
                z = point.z();
            } else {
                return Distribution.class;
            }
            return parts.decoder().decode(z, context).getClass();
        }
    }
}
