package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import java.util.Map;

/** A hand-written encoder to flat 4-dimensional vectors and without a codebook, for refusals. */
final class FakeVectorEncoder implements Encoder {
    @Override
    public EncoderKind kind() {
        return EncoderKind.POINT_MASS;
    }

    @Override
    public Shape latentShape() {
        return new Shape(4);
    }

    @Override
    public Encoding encode(NDArray x, StepContext context) {
        return Encoding.pointMass(x.reshape(x.getShape().get(0), -1).get(":, :4"), Map.of());
    }
}
