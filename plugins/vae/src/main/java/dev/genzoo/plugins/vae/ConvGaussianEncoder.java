package dev.genzoo.plugins.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.Dense;
import dev.genzoo.nn.DownsamplingNetwork;
import dev.genzoo.nn.GaussianMlp;
import java.util.List;
import java.util.Map;

/**
 * A convolutional network mapping an image to a diagonal Gaussian q(z|x) = N(mu(x),
 * diag(exp(logvar(x)))) over a latent vector (Kingma and Welling 2014, appendix C.2): the 4x4
 * stride-2 convolutions and ReLUs of the VQ-VAE encoder (van den Oord et al. 2017, section 4.1),
 * then a dense layer to the mean and log-variance; in a conditional model the condition's features
 * join the convolutional features before the dense layer (Sohn et al. 2015).
 */
public final class ConvGaussianEncoder implements Encoder {
    /** {@code latent}: the latent dimensions L, 64 by default. */
    static final Option<Integer> LATENT =
            Option.integer("latent", 64, "latent dimensions").atLeast(1);

    private final DownsamplingNetwork features;
    private final Dense toPosterior;
    private final int latent;
    private final boolean conditioned;

    ConvGaussianEncoder(DownsamplingNetwork features, Dense toPosterior, int latent, boolean conditioned) {
        this.features = features;
        this.toPosterior = toPosterior;
        this.latent = latent;
        this.conditioned = conditioned;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.DENSITY;
    }

    @Override
    public Shape latentShape() {
        return new Shape(latent);
    }

    @Override
    public boolean acceptsCondition() {
        return conditioned;
    }

    @Override
    public Encoding encode(NDArray x, StepContext context) {
        NDArray h = features.forward(x, context);
        NDArray input = h.reshape(h.getShape().get(0), -1);
        if (conditioned) {
            input = context.condition()
                    .orElseThrow(() -> new GenzooException("this encoder was built for a conditional model, and the"
                            + " batch came without a condition"))
                    .appendTo(input);
        }
        return Encoding.density(GaussianMlp.meanAndLogVariance(toPosterior.forward(input, context)));
    }

    /** The convolutions' parameters (down0, down1, ...), then the dense layer's (to_posterior). */
    @Override
    public ParameterList parameters() {
        ParameterList list = features.parameters();
        list.add("to_posterior_weight", toPosterior.weight());
        list.add("to_posterior_bias", toPosterior.bias());
        return list;
    }

    /** Creates {@code conv-gaussian} encoders. */
    public static final class Factory implements EncoderFactory {
        static final String NAME = "conv-gaussian";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "stride-2 convolutions and a dense layer to a diagonal Gaussian q(z|x) over a latent vector, for"
                    + " images (Kingma and Welling 2014)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(ImageHalvings.CHANNELS, LATENT);
        }

        @Override
        public List<Option<?>> optionsFor(Shape data) {
            return List.of(ImageHalvings.channels(data), LATENT);
        }

        /** A Bernoulli convolutional decoder, the default's likelihood, where the data are unknown. */
        @Override
        public Map<Role, String> companions() {
            return Map.of(Role.DECODER, "conv-bernoulli");
        }

        /**
         * The decoder that fits the pixels: Bernoulli for binary or binarized ones, the discretized
         * logistic for K &gt; 2 levels (8-bit colour), a Gaussian for real or dequantized values.
         */
        @Override
        public Map<Role, String> companionsFor(Shape dataShape, int levels) {
            String decoder =
                    levels == 2 ? "conv-bernoulli" : levels > 2 ? ConvLogisticDecoder.Factory.NAME : "conv-gaussian";
            return Map.of(Role.DECODER, decoder);
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            Shape data = context.dataShape();
            List<Integer> channels = options.get(ImageHalvings.CHANNELS);
            long[][] sizes = ImageHalvings.of("encoder " + NAME, data, channels.size());
            long[] grid = sizes[channels.size()];
            int latent = options.get(LATENT);
            long width = channels.get(channels.size() - 1) * grid[0] * grid[1];
            DownsamplingNetwork features = DownsamplingNetwork.features(context.manager(), data.get(0), channels);
            Dense toPosterior = Dense.builder(width + context.conditionSize(), 2L * latent)
                    .names("to_posterior_weight", "to_posterior_bias")
                    .build(context.manager());
            return new ConvGaussianEncoder(features, toPosterior, latent, context.conditionSize() > 0);
        }
    }
}
