package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.PointMass;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written plugin for the prior stage: the identity as a point-mass encoder, a decoder that
 * adds a learned offset, an objective that pulls the offset to zero, the fixed N(0, I) prior and
 * a learned diagonal Gaussian prior whose maximum-likelihood fit has a closed form (the codes'
 * mean and per-axis variance).
 */
final class LearnedPriorFakes {
    private LearnedPriorFakes() {}

    static GenzooPlugin plugin() {
        return new GenzooPlugin() {
            @Override
            public String name() {
                return "fakes";
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
                        return identity(context.dataShape());
                    }
                });
            }

            @Override
            public List<PriorFactory> priors() {
                return List.of(
                        new PriorFactory() {
                            @Override
                            public String name() {
                                return "fixed-normal";
                            }

                            @Override
                            public String description() {
                                return "N(0, I), no parameters";
                            }

                            @Override
                            public Prior create(Options options, BuildContext context) {
                                return fixedNormal(context.latentShape());
                            }
                        },
                        new PriorFactory() {
                            @Override
                            public String name() {
                                return "learned-normal";
                            }

                            @Override
                            public String description() {
                                return "a diagonal Gaussian with learned mean and log-variance";
                            }

                            @Override
                            public Prior create(Options options, BuildContext context) {
                                return learnedNormal(context);
                            }
                        });
            }

            @Override
            public List<DecoderFactory> decoders() {
                return List.of(new DecoderFactory() {
                    @Override
                    public String name() {
                        return "offset";
                    }

                    @Override
                    public String description() {
                        return "z plus a learned offset, as a point mass";
                    }

                    @Override
                    public Decoder create(Options options, BuildContext context) {
                        return offset(context);
                    }
                });
            }

            @Override
            public List<ObjectiveFactory> objectives() {
                return List.of(new ObjectiveFactory() {
                    @Override
                    public String name() {
                        return "squared-error";
                    }

                    @Override
                    public String description() {
                        return "squared distance between x and the decoder's mean";
                    }

                    @Override
                    public Objective create(Options options, BuildContext context) {
                        return squaredError();
                    }
                });
            }
        };
    }

    private static Parameter parameter(BuildContext context, String name, Shape shape, float value) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(new ConstantInitializer(value))
                .build();
        p.initialize(context.manager(), DataType.FLOAT32);
        return p;
    }

    private static Encoder identity(Shape shape) {
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
            public Encoding encode(NDArray x, StepContext context) {
                return Encoding.pointMass(x, Map.of());
            }
        };
    }

    private static Prior fixedNormal(Shape latent) {
        return context -> new StandardNormal(context.manager(), latent);
    }

    private static Prior learnedNormal(BuildContext build) {
        Shape latent = build.latentShape();
        Parameter mean = parameter(build, "mean", latent, 0f);
        Parameter logVariance = parameter(build, "log_variance", latent, 0f);
        return new Prior() {
            @Override
            public dev.genzoo.api.distribution.Distribution distribution(StepContext context) {
                return Normal.ofLogVariance(
                        context.parameterStore()
                                .getValue(mean, context.manager().getDevice(), context.training()),
                        context.parameterStore()
                                .getValue(logVariance, context.manager().getDevice(), context.training()),
                        latent.dimension());
            }

            @Override
            public ParameterList parameters() {
                ParameterList list = new ParameterList();
                list.add("mean", mean);
                list.add("log_variance", logVariance);
                return list;
            }
        };
    }

    private static Decoder offset(BuildContext build) {
        Parameter offset = parameter(build, "offset", build.dataShape(), 1f);
        return new Decoder() {
            @Override
            public dev.genzoo.api.distribution.Distribution decode(NDArray z, StepContext context) {
                NDArray shift = context.parameterStore().getValue(offset, z.getDevice(), context.training());
                return new PointMass(z.add(shift), build.dataShape().dimension());
            }

            @Override
            public ParameterList parameters() {
                ParameterList list = new ParameterList();
                list.add("offset", offset);
                return list;
            }
        };
    }

    private static Objective squaredError() {
        return new Objective() {
            @Override
            public Set<EncoderKind> acceptedEncoders() {
                return Set.of(EncoderKind.POINT_MASS);
            }

            @Override
            public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
                Encoding.PointMass code = (Encoding.PointMass) model.encoder().encode(x, context);
                NDArray error = model.decoder().decode(code.z(), context).mean().sub(x);
                return ObjectiveValue.of(error.square().sum(new int[] {1}).mean())
                        .build();
            }
        };
    }
}
