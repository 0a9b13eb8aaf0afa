package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * An MLP mapping z to a diagonal Gaussian p(x|z) = N(mu(z), sigma^2 I), sigma fixed or a learned
 * per-dimension parameter (Kingma and Welling 2014, appendix C.2).
 */
public final class MlpGaussianDecoder implements Decoder {
    static final Option<String> VARIANCE = Option.choice(
            "variance",
            "fixed",
            "fixed: sigma as given; learned: one log-variance per data dimension, starting at sigma",
            "fixed",
            "learned");
    static final Option<Double> SIGMA = Option.real(
                    "sigma", 0.1, "standard deviation of p(x|z) (its start when learned)")
            .above(0);

    private final Mlp network;
    private final Shape dataShape;
    private final Parameter logVariance;
    private final float fixedLogVariance;

    MlpGaussianDecoder(Mlp network, Shape dataShape, Parameter logVariance, float fixedLogVariance) {
        this.network = network;
        this.dataShape = dataShape;
        this.logVariance = logVariance;
        this.fixedLogVariance = fixedLogVariance;
    }

    @Override
    public Distribution decode(NDArray z, StepContext context) {
        Shape leading = z.getShape().slice(0, z.getShape().dimension() - 1);
        NDArray mean = network.forwardLast(z, context).reshape(leading.addAll(dataShape));
        NDArray logVar = logVariance == null
                ? context.manager().full(new Shape(), fixedLogVariance)
                : context.parameterStore().getValue(logVariance, mean.getDevice(), context.training());
        return Normal.ofLogVariance(mean, logVar, dataShape.dimension());
    }

    @Override
    public ParameterList parameters() {
        ParameterList list = network.block().getParameters();
        if (logVariance != null) {
            list.add("log_variance", logVariance);
        }
        return list;
    }

    /** Creates {@code mlp-gaussian} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "mlp-gaussian";
        }

        @Override
        public String description() {
            return "MLP to a diagonal Gaussian p(x|z), fixed or learned variance, for real-valued data";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(Mlp.HIDDEN, Mlp.ACTIVATION, VARIANCE, SIGMA);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            Shape dataShape = context.dataShape();
            Mlp network = new Mlp(
                    context.manager(),
                    VectorLatent.size(context),
                    options.get(Mlp.HIDDEN),
                    dataShape.size(),
                    options.get(Mlp.ACTIVATION));
            float logVar = (float) (2 * Math.log(options.get(SIGMA)));
            Parameter learned = null;
            if (options.get(VARIANCE).equals("learned")) {
                learned = Parameter.builder()
                        .setName("log_variance")
                        .setType(Parameter.Type.OTHER)
                        .optShape(dataShape)
                        .optInitializer(new ConstantInitializer(logVar))
                        .build();
                learned.initialize(context.manager(), DataType.FLOAT32);
            }
            return new MlpGaussianDecoder(network, dataShape, learned, logVar);
        }
    }
}
