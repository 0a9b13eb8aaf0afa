package dev.genzoo.runtime.wiring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;

/** Hand-written fakes: a plugin with a point-mass encoder, to test refusals. */
final class Fakes {
    private Fakes() {}

    /** A plugin whose only encoder is a point mass (as VQ-VAE's is). */
    static GenzooPlugin pointMassPlugin() {
        return new GenzooPlugin() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public List<EncoderFactory> encoders() {
                return List.of(new EncoderFactory() {
                    @Override
                    public String name() {
                        return "identity-code";
                    }

                    @Override
                    public String description() {
                        return "the data itself, as a point mass";
                    }

                    @Override
                    public Encoder create(Options options, BuildContext context) {
                        Shape shape = context.dataShape();
                        return new Encoder() {
                            @Override
                            public EncoderKind kind() {
                                return EncoderKind.POINT_MASS;
                            }

                            @Override
                            public Shape latentShape() {
                                return shape;
                            }

                            @Override
                            public Encoding encode(NDArray x, StepContext c) {
                                return Encoding.pointMass(x, Map.of());
                            }
                        };
                    }
                });
            }
        };
    }
}
