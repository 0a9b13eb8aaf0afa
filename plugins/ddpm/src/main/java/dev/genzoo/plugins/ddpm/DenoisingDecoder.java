package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.PointMass;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;

/**
 * The learned reverse process p(x_{0..T-1} | x_T) of a DDPM as a decoder (Ho et al. 2020, section
 * 3.2): {@link #decode} runs the whole ancestral chain from x_T and returns a point mass at x_0;
 * the objectives and samplers reach its noise predictor through {@link Denoiser}. Built for a
 * conditional model, its network reads the pass's condition, dropped in training with
 * probability p_uncond (Ho and Salimans 2022).
 */
public final class DenoisingDecoder implements Decoder, Denoiser {
    private final GaussianDiffusion diffusion;
    private final NoisePredictor network;
    private final AncestralSampling chain;

    DenoisingDecoder(GaussianDiffusion diffusion, NoisePredictor network) {
        this.diffusion = diffusion;
        this.network = network;
        this.chain = new AncestralSampling(diffusion, diffusion.schedule().steps());
    }

    @Override
    public boolean acceptsCondition() {
        return network.conditioned();
    }

    @Override
    public NDArray predictNoise(NDArray xt, NDArray t, StepContext context) {
        return network.predict(xt, t, context);
    }

    /** Generation: all T ancestral steps from x_T (z may carry leading sample axes). */
    @Override
    public Distribution decode(NDArray z, StepContext context) {
        Shape data = diffusion.dataShape();
        Shape shape = z.getShape();
        NDArray x = z.reshape(new Shape(-1).addAll(data)).duplicate();
        NDArray x0 = diffusion.toData(ReverseChain.run(diffusion, this, chain, 0, x, context));
        return new PointMass(x0.reshape(shape), data.dimension());
    }

    @Override
    public ParameterList parameters() {
        return network.parameters();
    }

    /** p_uncond, an option of every conditional denoiser here. */
    static final Option<Double> UNCONDITIONAL = Option.real(
                    "p-uncond",
                    0.1,
                    "for --condition label: the probability that training drops an example's label for the"
                            + " learned null class (classifier-free guidance, Ho and Salimans 2022)")
            .atLeast(0)
            .atMost(1);

    private static ClassEmbedding classesOf(BuildContext context, Options options, int width) {
        int features = context.conditionSize();
        return features == 0
                ? null
                : new ClassEmbedding(context.manager(), features, width, options.get(UNCONDITIONAL));
    }

    private static GaussianDiffusion diffusionOf(BuildContext context, String name) {
        if (context.encoder().orElse(null) instanceof GaussianDiffusion diffusion) {
            return diffusion;
        }
        throw new GenzooException("decoder '" + name
                + "' is the reverse of the 'diffusion' encoder's process; choose --encoder diffusion");
    }

    /** Creates {@code ddpm-mlp} decoders: an MLP noise predictor over flattened data. */
    public static final class MlpFactory implements DecoderFactory {
        static final Option<List<Integer>> HIDDEN = Option.integers(
                        "hidden", List.of(128, 128, 128), "hidden layer widths, comma-separated")
                .atLeast(1);
        static final Option<Integer> EMBEDDING = Option.integer(
                        "embedding", 32, "width of the sinusoidal step embedding")
                .atLeast(2)
                .check(v -> v % 2 == 0, "even");

        @Override
        public String name() {
            return "ddpm-mlp";
        }

        @Override
        public String description() {
            return "reverse process with an MLP noise predictor eps(x_t, t), for 2-D points and flattened data";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(HIDDEN, EMBEDDING, UNCONDITIONAL);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            GaussianDiffusion diffusion = diffusionOf(context, name());
            NoisePredictor network = new NoisePredictionMlp(
                    context.manager(),
                    context.dataShape().size(),
                    options.get(HIDDEN),
                    options.get(EMBEDDING),
                    diffusion.schedule().steps(),
                    classesOf(context, options, options.get(EMBEDDING)));
            return new DenoisingDecoder(diffusion, network);
        }
    }

    /** Creates {@code ddpm-unet} decoders: a small convolutional U-Net noise predictor for images. */
    public static final class UnetFactory implements DecoderFactory {
        static final Option<List<Integer>> CHANNELS = Option.integers(
                        "channels", List.of(32, 64), "channels per resolution, finest first; one halving each")
                .atLeast(1);
        static final Option<String> UP_CHANNELS = Option.choice(
                "up-channels",
                "next",
                "what each upsampling convolution outputs: the next resolution's channels (next), or its"
                        + " input's (same, as Ho et al. 2020 and the benchmark's network)",
                "next",
                "same");
        static final Option<String> NORM = Option.choice(
                "norm",
                "plain",
                "group norm with one group: without a learned scale and shift (plain), or with one per channel"
                        + " (affine, PyTorch's GroupNorm)",
                "plain",
                "affine");
        static final Option<String> STEP_ACTIVATION = Option.choice(
                "step-activation",
                "silu",
                "what the step's embedding passes before each block's projection: silu (Ho et al. 2020) or none",
                "silu",
                "none");

        @Override
        public String name() {
            return "ddpm-unet";
        }

        @Override
        public String description() {
            return "reverse process with a small convolutional U-Net noise predictor, for images (Ho et al. 2020)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(CHANNELS, UP_CHANNELS, NORM, STEP_ACTIVATION, UNCONDITIONAL);
        }

        @Override
        public Decoder create(Options options, BuildContext context) {
            GaussianDiffusion diffusion = diffusionOf(context, name());
            Shape image = context.dataShape();
            List<Integer> channels = options.get(CHANNELS);
            long side = 1L << channels.size();
            if (image.dimension() != 3) {
                throw new GenzooException(
                        "decoder 'ddpm-unet' needs images (channels, height, width), but the data have shape " + image
                                + "; choose ddpm-mlp");
            }
            if (image.get(1) % side != 0 || image.get(2) % side != 0) {
                throw new GenzooException(String.format(
                        "a U-Net with %d resolutions halves the image %d times, so its sides must be"
                                + " multiples of %d, but the images are %dx%d; give fewer channels",
                        channels.size(), channels.size(), side, image.get(1), image.get(2)));
            }
            DenoisingUnet.Layout layout = new DenoisingUnet.Layout(
                    options.get(UP_CHANNELS).equals("same"),
                    options.get(NORM).equals("affine"),
                    options.get(STEP_ACTIVATION).equals("silu"));
            NoisePredictor network = new DenoisingUnet(
                    context.manager(),
                    image,
                    channels,
                    diffusion.schedule().steps(),
                    layout,
                    context.conditionSize(),
                    options.get(UNCONDITIONAL));
            return new DenoisingDecoder(diffusion, network);
        }
    }
}
