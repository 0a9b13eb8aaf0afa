package dev.genzoo.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Set;

/**
 * A hand-written plugin for the kit's own tests: a well-made one ("fake", registered with
 * ServiceLoader) and copies with one defect each.
 */
public final class FakePlugin implements GenzooPlugin {
    static final Option<Double> SCALE =
            Option.real("scale", 1.0, "how far the encoder's mean is from x").above(0);

    private final String name;
    private final String apiVersion;
    private final String description;
    private final List<Option<?>> options;
    private final boolean createFails;

    /** The well-made plugin, as ServiceLoader creates it. */
    public FakePlugin() {
        this("fake", ApiVersion.CURRENT, "a diagonal Gaussian around a scaled x (test)", List.of(SCALE), false);
    }

    private FakePlugin(
            String name, String apiVersion, String description, List<Option<?>> options, boolean createFails) {
        this.name = name;
        this.apiVersion = apiVersion;
        this.description = description;
        this.options = options;
        this.createFails = createFails;
    }

    FakePlugin named(String other) {
        return new FakePlugin(other, apiVersion, description, options, createFails);
    }

    FakePlugin builtFor(String version) {
        return new FakePlugin(name, version, description, options, createFails);
    }

    FakePlugin describedAs(String text) {
        return new FakePlugin(name, apiVersion, text, options, createFails);
    }

    FakePlugin withEncoderOptions(Option<?>... declared) {
        return new FakePlugin(name, apiVersion, description, List.of(declared), createFails);
    }

    FakePlugin failingToCreate() {
        return new FakePlugin(name, apiVersion, description, options, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new EncoderFactory() {
            @Override
            public String name() {
                return "scaled-gaussian";
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Option<?>> options() {
                return options;
            }

            @Override
            public Encoder create(Options given, BuildContext context) {
                if (createFails) {
                    throw new GenzooException("this encoder cannot work with its defaults");
                }
                return new ScaledGaussian(context);
            }
        });
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new PriorFactory() {
            @Override
            public String name() {
                return "unit-normal";
            }

            @Override
            public String description() {
                return "N(0, I) over the encoder's latents (test)";
            }

            @Override
            public dev.genzoo.api.Prior create(Options given, BuildContext context) {
                Shape latent = context.latentShape();
                return c -> new StandardNormal(c.manager(), latent);
            }
        });
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(new DecoderFactory() {
            @Override
            public String name() {
                return "identity-gaussian";
            }

            @Override
            public String description() {
                return "N(z, I) (test)";
            }

            @Override
            public Decoder create(Options given, BuildContext context) {
                return (z, c) -> Normal.ofLogVariance(z, c.manager().zeros(new Shape()), 1);
            }
        });
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new ObjectiveFactory() {
            @Override
            public String name() {
                return "squared-mean";
            }

            @Override
            public String description() {
                return "the squared distance of the posterior mean from x (test)";
            }

            @Override
            public dev.genzoo.api.Objective create(Options given, BuildContext context) {
                return new dev.genzoo.api.Objective() {
                    @Override
                    public Set<EncoderKind> acceptedEncoders() {
                        return Set.of(EncoderKind.DENSITY);
                    }

                    @Override
                    public ObjectiveValue evaluate(NDArray x, dev.genzoo.api.GenerativeModel model, StepContext c) {
                        Normal q = (Normal) ((Encoding.Density) model.encoder().encode(x, c)).posterior();
                        return ObjectiveValue.of(q.loc().sub(x).square().mean()).build();
                    }
                };
            }
        });
    }

    /** q(z|x) = N(w * x, I), w a learned vector: latents shaped like the flattened data. */
    static final class ScaledGaussian implements Encoder {
        private final Parameter weight;
        private final long size;

        ScaledGaussian(BuildContext context) {
            size = context.dataShape().size();
            weight = Parameter.builder()
                    .setName("weight")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(size))
                    .optInitializer(new ConstantInitializer(0.5f))
                    .build();
            weight.initialize(context.manager(), DataType.FLOAT32);
        }

        @Override
        public EncoderKind kind() {
            return EncoderKind.DENSITY;
        }

        @Override
        public Shape latentShape() {
            return new Shape(size);
        }

        @Override
        public Encoding encode(NDArray x, StepContext context) {
            NDArray w = context.parameterStore().getValue(weight, x.getDevice(), context.training());
            NDArray rows = x.reshape(x.getShape().get(0), size);
            return Encoding.density(Normal.ofLogVariance(rows.mul(w), rows.zerosLike(), 1));
        }

        @Override
        public ParameterList parameters() {
            ParameterList list = new ParameterList();
            list.add("weight", weight);
            return list;
        }

        Parameter weight() {
            return weight;
        }
    }
}
