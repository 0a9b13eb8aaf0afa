package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.Parameters;
import java.util.List;

/**
 * The VampPrior, p(z) = (1/K) sum_k q(z | u_k), the mixture of the encoder's own posteriors at K
 * learned pseudo-inputs u_k (Tomczak and Welling 2018, equation 9). Built after the encoder, it
 * reads it from its {@link BuildContext} and encodes the pseudo-inputs every step, so gradients
 * reach the pseudo-inputs and, through them, the shared encoder. It speaks to the encoder only
 * through the Distribution vocabulary, so any density encoder works (a Gaussian, a mixture).
 *
 * <p>The pseudo-inputs have the data's shape and start as N(0.5, 0.01^2) draws, grey images in the
 * middle of the [0, 1] pixel range.
 */
public final class VampPrior implements Prior {
    static final Option<Integer> PSEUDO_INPUTS =
            Option.integer("pseudo-inputs", 500, "learned pseudo-inputs K").atLeast(1);

    private final Encoder encoder;
    private final Parameter pseudoInputs;

    VampPrior(Encoder encoder, Parameter pseudoInputs) {
        this.encoder = encoder;
        this.pseudoInputs = pseudoInputs;
    }

    @Override
    public Distribution distribution(StepContext context) {
        NDArray u = context.parameterStore()
                .getValue(pseudoInputs, context.manager().getDevice(), context.training());
        Distribution posteriors = ((Encoding.Density) encoder.encode(u, context)).posterior();
        return new PseudoInputMixture(posteriors, u, context);
    }

    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        list.add("pseudo_inputs", pseudoInputs);
        return list;
    }

    /** The uniform mixture of the posteriors at the pseudo-inputs. */
    private final class PseudoInputMixture implements Distribution {
        private final Distribution posteriors;
        private final NDArray inputs;
        private final StepContext context;
        private final int k;

        PseudoInputMixture(Distribution posteriors, NDArray inputs, StepContext context) {
            this.posteriors = posteriors;
            this.inputs = inputs;
            this.context = context;
            this.k = (int) inputs.getShape().get(0);
        }

        @Override
        public Shape batchShape() {
            return new Shape();
        }

        @Override
        public Shape eventShape() {
            return posteriors.eventShape();
        }

        /** Encodes a uniformly chosen pseudo-input per draw and draws from its posterior. */
        @Override
        public NDArray sample(Shape sampleShape) {
            NDManager manager = context.manager();
            long n = sampleShape.size();
            NDArray chosen = manager.randomInteger(0, k, new Shape(n), DataType.INT64);
            NDArray picked = inputs.stopGradient().get(chosen);
            NDArray z = ((Encoding.Density) encoder.encode(picked, context))
                    .posterior()
                    .sample();
            return z.stopGradient().reshape(sampleShape.addAll(eventShape()));
        }

        /** log (1/K) sum_k q(z | u_k), the value broadcast against the K posteriors on a new axis. */
        @Override
        public NDArray logProb(NDArray value) {
            int eventRank = eventShape().dimension();
            int axis = value.getShape().dimension() - eventRank;
            NDArray perInput = posteriors.logProb(value.expandDims(axis));
            return Scalars.plus(LogSumExp.over(perInput, axis), (float) -Math.log(k));
        }

        @Override
        public NDArray mean() {
            return posteriors.mean().mean(new int[] {0});
        }
    }

    /** Creates the {@code vamp} prior. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "vamp";
        }

        @Override
        public String description() {
            return "VampPrior: the mixture of the encoder's posteriors at K learned pseudo-inputs (Tomczak and"
                    + " Welling 2018)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(PSEUDO_INPUTS);
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            Encoder encoder = context.encoder().orElseThrow(() -> new IllegalStateException("no encoder built yet"));
            if (encoder.kind() != EncoderKind.DENSITY) {
                throw new GenzooException(
                        "the VampPrior mixes the encoder's posteriors q(z|u), so it needs an encoder that outputs "
                                + EncoderKind.DENSITY.description()
                                + ", and this encoder outputs "
                                + encoder.kind().description());
            }
            Parameter pseudoInputs = Parameters.initialized(
                    context.manager(),
                    "pseudo_inputs",
                    Parameter.Type.OTHER,
                    new Shape(options.get(PSEUDO_INPUTS)).addAll(context.dataShape()),
                    (manager, shape, type) -> manager.randomNormal(0.5f, 0.01f, shape, type));
            return new VampPrior(encoder, pseudoInputs);
        }
    }
}
