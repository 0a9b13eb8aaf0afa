package dev.genzoo.plugins.vae;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Options;

/** The fixed prior p(z) = N(0, I) (Kingma and Welling 2014, section 3). */
public final class StandardNormalPrior implements Prior {

    /** Takes a condition: p(z|y) = p(z) in a conditional model (Sohn et al. 2015 allow it). */
    @Override
    public boolean acceptsCondition() {
        return true;
    }

    private final Shape latentShape;

    StandardNormalPrior(Shape latentShape) {
        this.latentShape = latentShape;
    }

    @Override
    public Distribution distribution(StepContext context) {
        return new StandardNormal(context.manager(), latentShape);
    }

    /** Creates the {@code standard-normal} prior. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "standard-normal";
        }

        @Override
        public String description() {
            return "the fixed prior N(0, I) over the encoder's latent shape";
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            return new StandardNormalPrior(context.latentShape());
        }
    }
}
