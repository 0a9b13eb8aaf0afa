package dev.genzoo.runtime.train;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import java.util.Set;

/**
 * Maximum likelihood for a prior on the codes of a trained, frozen encoder: the loss is
 * -mean_x log p(z(x)), where z(x) is the encoder's point (a point mass, a bijection) or a draw from
 * its posterior q(z|x) (a density, so the prior is fitted to the aggregate posterior). This is the
 * second stage of van den Oord et al. (2017, section 3.2), written for any encoder that has codes
 * and any prior with parameters. The encoder runs as in evaluation, so it takes no gradient and
 * updates no running state (a codebook's moving averages stay as they are).
 */
public final class PriorFit implements Objective {

    @Override
    public Set<EncoderKind> acceptedEncoders() {
        return Set.of(EncoderKind.DENSITY, EncoderKind.POINT_MASS, EncoderKind.BIJECTION);
    }

    @Override
    public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
        StepContext frozen = StepContext.evaluation(context.step(), context.manager(), context.parameterStore());
        NDArray z = codes(model.encoder().encode(x, frozen)).stopGradient();
        NDArray logPrior = model.prior().distribution(context).logProb(z);
        return ObjectiveValue.of(logPrior.mean().neg()).build();
    }

    private static NDArray codes(Encoding encoding) {
        if (encoding instanceof Encoding.PointMass point) {
            return point.z();
        }
        if (encoding instanceof Encoding.Bijection bijection) {
            return bijection.z();
        }
        if (encoding instanceof Encoding.Density density) {
            return density.posterior().sample();
        }
        throw new IllegalStateException("an encoder of kind " + encoding.kind() + " gives no codes to fit a prior on");
    }
}
