package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.PointMass;
import dev.genzoo.api.options.Options;

/**
 * The generative direction of a flow density model, x = f^-1(z), as a point mass (Dinh et al.
 * 2017, section 3.1: sampling runs the inverse on base noise). It owns no parameters: they are the
 * encoder's.
 */
final class FlowInverseDecoder implements Decoder {
    static final String NAME = "flow-inverse";

    private final FlowEncoder encoder;
    private final int dataRank;

    FlowInverseDecoder(FlowEncoder encoder, int dataRank) {
        this.encoder = encoder;
        this.dataRank = dataRank;
    }

    /** The inverse reads the condition wherever the flow does. */
    @Override
    public boolean acceptsCondition() {
        return encoder.acceptsCondition();
    }

    @Override
    public Distribution decode(NDArray z, StepContext context) {
        return new PointMass(encoder.inverse(z, context), dataRank);
    }

    /** Creates the {@code flow-inverse} decoder over the flow encoder built before it. */
    static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "the inverse x = f^-1(z) of a flow encoder (realnvp, maf), to sample from it";
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            Encoder encoder = context.encoder().orElseThrow();
            if (!(encoder instanceof FlowEncoder flow)) {
                throw new GenzooException(
                        "it runs a flow encoder (realnvp, maf) backwards, but the chosen encoder outputs "
                                + encoder.kind().description()
                                + "; choose --encoder realnvp or maf, or another decoder");
            }
            return new FlowInverseDecoder(flow, context.dataShape().dimension());
        }
    }
}
