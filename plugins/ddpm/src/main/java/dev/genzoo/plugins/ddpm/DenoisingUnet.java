package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.Convolution;
import dev.genzoo.nn.Dense;
import dev.genzoo.nn.Nonlinearity;
import dev.genzoo.nn.Parameters;
import dev.genzoo.nn.SinusoidalEmbedding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small convolutional U-Net eps_theta(x_t, t) for images (Ronneberger et al. 2015, in the form
 * of Ho et al. 2020, appendix B, scaled down): per resolution a residual block conditioned on the
 * step's embedding, downsampling by stride-2 convolutions, upsampling by nearest neighbour then a
 * convolution (DJL's engine has no transposed convolution), skip connections by concatenation,
 * and normalization over each example's channels and positions (group norm with one group). The
 * {@link Layout} says what the upsampling convolutions output, whether the norm learns a scale
 * and shift per channel, and whether the step's embedding passes a SiLU before each block's
 * projection. Conditioned, the condition's {@link ClassEmbedding} is added to the step's embedding
 * (Ho and Salimans 2022).
 */
final class DenoisingUnet implements NoisePredictor {
    private static final float NORM_EPS = 1e-5f;

    private final NDArray embeddings;
    private final Dense embedIn;
    private final Dense embedOut;
    private final Convolution input;
    private final List<ResidualBlock> down = new ArrayList<>();
    private final List<Convolution> downsample = new ArrayList<>();
    private final ResidualBlock middle;
    private final List<Convolution> upsample = new ArrayList<>();
    private final List<ResidualBlock> up = new ArrayList<>();
    private final Norm outNorm;
    private final Convolution output;
    private final ParameterList parameters = new ParameterList();
    private final boolean stepSilu;
    private final ClassEmbedding classes;

    /**
     * The choices between the compact U-Net and the layout of Ho et al. (2020) as peer.py's
     * {@code ddpm-unet} writes it.
     *
     * @param keepUpsampledChannels whether an upsampling convolution keeps its input's channels
     *     (Ho et al.) rather than narrowing to the next resolution's
     * @param affineNorm whether each group norm learns a scale and a shift per channel
     *     (PyTorch's {@code GroupNorm(1, C)})
     * @param stepSilu whether the step's embedding passes a SiLU before each block's projection
     */
    record Layout(boolean keepUpsampledChannels, boolean affineNorm, boolean stepSilu) {
        /** The compact U-Net genzoo has always built. */
        static final Layout COMPACT = new Layout(false, false, true);
    }

    /**
     * Builds the network.
     *
     * @param manager the model's manager
     * @param image the data shape (C, H, W); H and W divisible by 2^levels
     * @param channels channels per resolution, from the finest
     * @param steps T
     */
    DenoisingUnet(NDManager manager, Shape image, List<Integer> channels, int steps) {
        this(manager, image, channels, steps, Layout.COMPACT);
    }

    /**
     * Builds the network in a layout.
     *
     * @param manager the model's manager
     * @param image the data shape (C, H, W); H and W divisible by 2^levels
     * @param channels channels per resolution, from the finest
     * @param steps T
     * @param layout the layout's choices
     */
    DenoisingUnet(NDManager manager, Shape image, List<Integer> channels, int steps, Layout layout) {
        this(manager, image, channels, steps, layout, 0, 0);
    }

    /**
     * Builds the network in a layout, conditioned when {@code features} is positive.
     *
     * @param features F, the size of the condition's features; 0 for none
     * @param unconditional p_uncond of the condition's embedding
     */
    DenoisingUnet(
            NDManager manager,
            Shape image,
            List<Integer> channels,
            int steps,
            Layout layout,
            int features,
            double unconditional) {
        Layers w = new Layers(manager, parameters, layout.affineNorm());
        stepSilu = layout.stepSilu();
        int in = (int) image.get(0);
        long height = image.get(1);
        long width = image.get(2);
        int base = channels.get(0);
        int embedding = 4 * base;
        embeddings = SinusoidalEmbedding.table(manager, steps, base);
        embedIn = w.dense("embed.0", base, embedding);
        embedOut = w.dense("embed.1", embedding, embedding);
        classes = features > 0 ? new ClassEmbedding(manager, features, embedding, unconditional) : null;
        if (classes != null) {
            parameters.add("class.embedding", classes.table());
        }
        input = w.convolution("in", in, base, 3, 1, false);
        int current = base;
        for (int i = 0; i < channels.size(); i++) {
            int c = channels.get(i);
            long h = height >> i;
            long wd = width >> i;
            down.add(new ResidualBlock(w, "down" + i, current, c, embedding, h, wd));
            downsample.add(w.convolution("down" + i + ".sample", c, c, 3, 2, false));
            current = c;
        }
        int levels = channels.size();
        middle = new ResidualBlock(w, "middle", current, current, embedding, height >> levels, width >> levels);
        for (int i = levels - 1; i >= 0; i--) {
            int c = channels.get(i);
            int sampled = layout.keepUpsampledChannels() ? current : c;
            upsample.add(w.convolution("up" + i + ".sample", current, sampled, 3, 1, false));
            up.add(new ResidualBlock(w, "up" + i, sampled + c, c, embedding, height >> i, width >> i));
            current = c;
        }
        outNorm = w.norm("out.norm", base, height, width);
        output = w.convolution("out", base, in, 3, 1, true);
    }

    @Override
    public NDArray predict(NDArray xt, NDArray t, StepContext context) {
        long batch = xt.getShape().get(0);
        NDArray e = embedOut.forward(silu(embedIn.forward(Tables.at(embeddings, t, 1), context)), context);
        if (classes != null) {
            e = e.add(classes.embed(xt, context));
        }
        NDArray conditioning = stepSilu ? silu(e) : e;
        if (conditioning.getShape().get(0) != batch) {
            conditioning = conditioning.broadcast(
                    new Shape(batch, conditioning.getShape().get(1)));
        }
        NDArray h = input.forward(xt, context);
        Deque<NDArray> skips = new ArrayDeque<>();
        for (int i = 0; i < down.size(); i++) {
            h = down.get(i).apply(h, conditioning, context);
            skips.push(h);
            h = downsample.get(i).forward(h, context);
        }
        h = middle.apply(h, conditioning, context);
        for (int i = 0; i < up.size(); i++) {
            Shape s = h.getShape();
            h = h.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, 0, false);
            h = upsample.get(i).forward(h, context);
            h = up.get(i).apply(h.concat(skips.pop(), 1), conditioning, context);
        }
        return output.forward(silu(outNorm.apply(h, context)), context);
    }

    @Override
    public ParameterList parameters() {
        return parameters;
    }

    @Override
    public boolean conditioned() {
        return classes != null;
    }

    private static NDArray silu(NDArray x) {
        return Nonlinearity.SILU.apply(x);
    }

    /**
     * Creates the network's layers on the model's manager, initialized as PyTorch's nn.Linear and
     * nn.Conv2d, and lists their parameters under NAME.weight and NAME.bias in creation order.
     */
    private record Layers(NDManager manager, ParameterList list, boolean affine) {
        Norm norm(String name, int channels, long height, long width) {
            Parameter scale = null;
            Parameter shift = null;
            if (affine) {
                scale = Parameters.constant(manager, name + ".weight", Parameter.Type.GAMMA, new Shape(channels), 1f);
                shift = Parameters.constant(manager, name + ".bias", Parameter.Type.BETA, new Shape(channels), 0f);
                list.add(name + ".weight", scale);
                list.add(name + ".bias", shift);
            }
            return new Norm(manager, channels, height, width, scale, shift);
        }

        Dense dense(String name, int in, int out) {
            Dense layer = Dense.builder(in, out)
                    .names(name + ".weight", name + ".bias")
                    .build(manager);
            list.add(name + ".weight", layer.weight());
            list.add(name + ".bias", layer.bias());
            return layer;
        }

        /** A square kernel with "same" padding (none for 1x1). */
        Convolution convolution(String name, int in, int out, int kernel, int stride, boolean zero) {
            Convolution layer = Convolution.builder(in, out, kernel)
                    .stride(stride)
                    .padding(kernel / 2)
                    .startAtZero(zero)
                    .names(name + ".weight", name + ".bias")
                    .build(manager);
            list.add(name + ".weight", layer.weight());
            list.add(name + ".bias", layer.bias());
            return layer;
        }
    }

    /**
     * Normalization over each example's channels and positions: group norm with one group, with a
     * learned scale and shift per channel where the layout asks.
     */
    private static final class Norm {
        private final Shape shape;
        private final NDArray ones;
        private final NDArray zeros;
        private final Parameter scale;
        private final Parameter shift;

        Norm(NDManager manager, int channels, long height, long width, Parameter scale, Parameter shift) {
            shape = new Shape(channels, height, width);
            ones = manager.full(shape, 1f, DataType.FLOAT32);
            zeros = manager.full(shape, 0f, DataType.FLOAT32);
            this.scale = scale;
            this.shift = shift;
        }

        NDArray apply(NDArray x, StepContext context) {
            NDArray normal = x.getNDArrayInternal()
                    .layerNorm(x, shape, ones, zeros, NORM_EPS)
                    .singletonOrThrow();
            if (scale == null) {
                return normal;
            }
            long c = shape.get(0);
            return normal.mul(Parameters.value(scale, x, context).reshape(c, 1, 1))
                    .add(Parameters.value(shift, x, context).reshape(c, 1, 1));
        }
    }

    /** Norm, SiLU, convolution, plus the step's projection; norm, SiLU, convolution; plus the input. */
    private static final class ResidualBlock {
        private final Norm norm1;
        private final Convolution conv1;
        private final Dense step;
        private final Norm norm2;
        private final Convolution conv2;
        private final Convolution shortcut;

        ResidualBlock(Layers w, String name, int in, int out, int embedding, long height, long width) {
            norm1 = w.norm(name + ".norm1", in, height, width);
            conv1 = w.convolution(name + ".conv1", in, out, 3, 1, false);
            step = w.dense(name + ".step", embedding, out);
            norm2 = w.norm(name + ".norm2", out, height, width);
            conv2 = w.convolution(name + ".conv2", out, out, 3, 1, false);
            shortcut = in == out ? null : w.convolution(name + ".shortcut", in, out, 1, 1, false);
        }

        NDArray apply(NDArray x, NDArray conditioning, StepContext context) {
            NDArray h = conv1.forward(silu(norm1.apply(x, context)), context);
            NDArray s = step.forward(conditioning, context);
            h = h.add(s.reshape(s.getShape().get(0), s.getShape().get(1), 1, 1));
            h = conv2.forward(silu(norm2.apply(h, context)), context);
            return (shortcut == null ? x : shortcut.forward(x, context)).add(h);
        }
    }
}
