package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * A learned autoregressive prior over code grids, p(k) = prod_t p(k_t | k_1..k_{t-1}) in raster
 * order, modelled by a small causal transformer; van den Oord et al. (2017, section 3.2) fit such
 * a prior (a PixelCNN there) by maximum likelihood on the codes of the trained encoder, after it,
 * and generate by ancestral sampling of codes followed by the decoder.
 */
public final class TransformerCodePrior implements CodePrior {
    static final Option<Integer> WIDTH = Option.integer("width", 128, "width of the transformer's token vectors")
            .atLeast(1);
    static final Option<Integer> LAYERS = Option.integer(
                    "layers", 2, "transformer blocks (causal self-attention and MLP)")
            .atLeast(1);
    static final Option<Integer> HEADS =
            Option.integer("heads", 4, "attention heads; must divide width").atLeast(1);
    static final Option<Double> TEMPERATURE = Option.real(
                    "temperature", 1.0, "softmax temperature when sampling codes; 1 samples the model itself")
            .above(0);

    private final EncoderCodebook codebook;
    private final CausalTransformer transformer;
    private final float temperature;

    TransformerCodePrior(EncoderCodebook codebook, CausalTransformer transformer, float temperature) {
        this.codebook = codebook;
        this.transformer = transformer;
        this.temperature = temperature;
    }

    @Override
    public Distribution distribution(StepContext context) {
        return new AutoregressiveCodes(context);
    }

    @Override
    public ParameterList parameters() {
        return transformer.parameters();
    }

    /**
     * The transformer's input for code sequences [N, T]: a start token (index K) followed by the
     * first T - 1 codes, so that position t predicts code t from the codes before it.
     */
    private NDArray shiftedRight(NDArray codes) {
        long n = codes.getShape().get(0);
        long length = codes.getShape().get(1);
        NDArray start = codes.getManager().full(new Shape(n, 1), codebook.codes(), DataType.INT64);
        return start.concat(codes.get(new NDIndex(":, :{}", length - 1)), 1);
    }

    /** The distribution over grids of codebook vectors that the transformer defines. */
    private final class AutoregressiveCodes implements Distribution {
        private final StepContext context;

        AutoregressiveCodes(StepContext context) {
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

        /**
         * Ancestral sampling, one position at a time in raster order: T forward passes, each
         * drawing code t for all samples at once by the Gumbel-max trick, argmax(l / tau + g).
         */
        @Override
        public NDArray sample(Shape sampleShape) {
            NDManager manager = context.manager();
            Shape grid = codebook.latentShape().slice(1);
            int length = codebook.positions();
            long n = sampleShape.size();
            NDArray codes = manager.zeros(new Shape(n, length), DataType.INT64);
            for (int t = 0; t < length; t++) {
                NDArray logits =
                        transformer.logits(shiftedRight(codes), context).stopGradient();
                NDArray at = logits.get(new NDIndex(":, {}, :", t));
                NDArray u = manager.randomUniform(Float.MIN_NORMAL, 1f, at.getShape());
                NDArray gumbel = u.log().neg().log().neg();
                NDArray drawn = at.div(temperature).add(gumbel).argMax(1);
                codes.set(new NDIndex(":, {}", t), drawn);
            }
            return codebook.vectors(codes.reshape(sampleShape.addAll(grid)));
        }

        /**
         * sum_t log p(k_t | k_&lt;t) of the nearest codes of grids of codebook vectors, in one
         * forward pass; differentiable with respect to the transformer's weights.
         */
        @Override
        public NDArray logProb(NDArray value) {
            Shape leading = value.getShape().slice(0, value.getShape().dimension() - 3);
            NDArray codes = codebook.indices(value).reshape(-1, codebook.positions());
            NDArray logits = transformer.logits(shiftedRight(codes), context);
            NDArray chosen = logits.logSoftmax(2).gather(codes.expandDims(2), 2);
            return chosen.sum(new int[] {1, 2}).reshape(leading);
        }

        @Override
        public NDArray mean() {
            throw new UnsupportedOperationException(
                    "an autoregressive prior over codes has no mean in closed form; draw samples instead");
        }
    }

    /** Creates {@code transformer-codes} priors. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "transformer-codes";
        }

        @Override
        public String description() {
            return "learned autoregressive prior over code grids, a small causal transformer; fit it with 'genzoo train-prior'";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(WIDTH, LAYERS, HEADS, TEMPERATURE);
        }

        @Override
        public CodePrior create(Options options, BuildContext context) {
            EncoderCodebook codebook = EncoderCodebook.of(context);
            int width = options.get(WIDTH);
            int heads = options.get(HEADS);
            if (width % heads != 0) {
                throw new GenzooException("heads (" + heads + ") must divide width (" + width + ")");
            }
            CausalTransformer transformer = new CausalTransformer(
                    context.manager(),
                    codebook.codes() + 1,
                    codebook.codes(),
                    codebook.positions(),
                    width,
                    options.get(LAYERS),
                    heads);
            return new TransformerCodePrior(codebook, transformer, (float) (double) options.get(TEMPERATURE));
        }
    }
}
