package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Options;

/**
 * The uniform prior over code grids, p(k) = 1/K independently at each of the h*w positions, the
 * prior VQ-VAE trains with (van den Oord et al. 2017, section 3.1): the KL of the one-hot posterior
 * to it is the constant h*w*log K.
 */
public final class UniformCodePrior implements CodePrior {
    private final EncoderCodebook codebook;

    UniformCodePrior(EncoderCodebook codebook) {
        this.codebook = codebook;
    }

    @Override
    public Distribution distribution(StepContext context) {
        return new UniformCodes(codebook, context);
    }

    /** The uniform distribution over grids of codebook vectors. */
    static final class UniformCodes implements Distribution {
        private final EncoderCodebook codebook;
        private final StepContext context;

        UniformCodes(EncoderCodebook codebook, StepContext context) {
            this.codebook = codebook;
            this.context = context;
        }

        @Override
        public Shape batchShape() {
            return new Shape();
        }

        @Override
        public Shape eventShape() {
            return codebook.latentShape();
        }

        @Override
        public NDArray sample(Shape sampleShape) {
            Shape grid = codebook.latentShape().slice(1);
            NDArray indices =
                    context.manager().randomInteger(0, codebook.codes(), sampleShape.addAll(grid), DataType.INT64);
            return codebook.vectors(indices);
        }

        /** -h*w*log K for every grid of codebook vectors, whatever its codes. */
        @Override
        public NDArray logProb(NDArray value) {
            Shape leading = value.getShape().slice(0, value.getShape().dimension() - 3);
            float logMass = (float) (-codebook.positions() * Math.log(codebook.codes()));
            return context.manager().full(leading, logMass, DataType.FLOAT32);
        }

        /** The mean codebook vector at every position. */
        @Override
        public NDArray mean() {
            NDArray average = codebook.meanVector();
            Shape latent = codebook.latentShape();
            return average.reshape(latent.get(0), 1, 1).broadcast(latent);
        }
    }

    /** Creates the {@code uniform-codes} prior. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "uniform-codes";
        }

        @Override
        public String description() {
            return "uniform over the encoder's K codes at each grid position; KL = h*w*log K (van den Oord et al. 2017)";
        }

        @Override
        public CodePrior create(Options options, BuildContext context) {
            return new UniformCodePrior(EncoderCodebook.of(context));
        }
    }
}
