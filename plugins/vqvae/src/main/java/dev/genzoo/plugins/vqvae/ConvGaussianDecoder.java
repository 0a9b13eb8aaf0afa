package dev.genzoo.plugins.vqvae;

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
 * A convolutional decoder with nearest-neighbour upsampling from a latent grid to a diagonal
 * Gaussian p(x|z) = N(mu(z), sigma^2 I), sigma fixed or a learned per-pixel parameter (van den
 * Oord et al. 2017, section 4.1; the Gaussian as in Kingma and Welling 2014, appendix C.2).
 */
public final class ConvGaussianDecoder implements Decoder {
    static final Option<String> VARIANCE = Option.choice(
            "variance",
            "fixed",
            "fixed: sigma as given; learned: one log-variance per pixel, starting at sigma",
            "fixed",
            "learned");
    static final Option<Double> SIGMA = Option.real(
                    "sigma", 0.1, "standard deviation of p(x|z) (its start when learned)")
            .above(0);

    private final UpsamplingNetwork network;
    private final Shape dataShape;
    private final Parameter logVariance;
    private final float fixedLogVariance;

    ConvGaussianDecoder(UpsamplingNetwork network, Shape dataShape, Parameter logVariance, float fixedLogVariance) {
        this.network = network;
        this.dataShape = dataShape;
        this.logVariance = logVariance;
        this.fixedLogVariance = fixedLogVariance;
    }

    @Override
    public Distribution decode(NDArray z, StepContext context) {
        NDArray mean = network.forward(LatentGrid.fold(z), context)
                .reshape(LatentGrid.leading(z).addAll(dataShape));
        NDArray logVar = logVariance == null
                ? context.manager().full(new Shape(), fixedLogVariance)
                : context.parameterStore().getValue(logVariance, mean.getDevice(), context.training());
        return Normal.ofLogVariance(mean, logVar, dataShape.dimension());
    }

    @Override
    public ParameterList parameters() {
        ParameterList list = network.parameters();
        if (logVariance != null) {
            list.add("log_variance", logVariance);
        }
        return list;
    }

    /** Creates {@code conv-gaussian} decoders. */
    public static final class Factory implements DecoderFactory {
        @Override
        public String name() {
            return "conv-gaussian";
        }

        @Override
        public String description() {
            return "convolutions with nearest-neighbour upsampling from a latent grid to a diagonal Gaussian, for real-valued images";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(GridSizes.CHANNELS, VARIANCE, SIGMA);
        }

        @Override
        public List<Option<?>> optionsFor(Shape data) {
            return GridSizes.fitted(options(), data);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            List<Integer> channels = options.get(GridSizes.CHANNELS);
            long[][] sizes = LatentGrid.sizes(context, channels);
            Shape data = context.dataShape();
            UpsamplingNetwork network = new UpsamplingNetwork(
                    context.manager(), context.latentShape().get(0), channels, data.get(0), sizes);
            float logVar = (float) (2 * Math.log(options.get(SIGMA)));
            Parameter learned = null;
            if (options.get(VARIANCE).equals("learned")) {
                learned = Parameter.builder()
                        .setName("log_variance")
                        .setType(Parameter.Type.OTHER)
                        .optShape(data)
                        .optInitializer(new ConstantInitializer(logVar))
                        .build();
                learned.initialize(context.manager(), DataType.FLOAT32);
            }
            return new ConvGaussianDecoder(network, data, learned, logVar);
        }
    }
}
