package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.genzoo.api.StepContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small convolutional U-Net eps_theta(x_t, t) for images (Ronneberger et al. 2015, in the form
 * of Ho et al. 2020, appendix B, scaled down): per resolution a residual block conditioned on the
 * step's embedding, downsampling by stride-2 convolutions, upsampling by nearest neighbour then a
 * convolution (DJL's engine has no transposed convolution), skip connections by concatenation,
 * and normalization over each example's channels and positions (group norm with one group).
 */
final class DenoisingUnet implements NoisePredictor {
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);
    private static final float NORM_EPS = 1e-5f;

    private final NDArray embeddings;
    private final Dense embedIn;
    private final Dense embedOut;
    private final Conv input;
    private final List<ResidualBlock> down = new ArrayList<>();
    private final List<Conv> downsample = new ArrayList<>();
    private final ResidualBlock middle;
    private final List<Conv> upsample = new ArrayList<>();
    private final List<ResidualBlock> up = new ArrayList<>();
    private final Norm outNorm;
    private final Conv output;
    private final ParameterList parameters;

    /**
     * Builds the network.
     *
     * @param manager the model's manager
     * @param image the data shape (C, H, W); H and W divisible by 2^levels
     * @param channels channels per resolution, from the finest
     * @param steps T
     */
    DenoisingUnet(NDManager manager, Shape image, List<Integer> channels, int steps) {
        Weights w = new Weights(manager);
        int in = (int) image.get(0);
        long height = image.get(1);
        long width = image.get(2);
        int base = channels.get(0);
        int embedding = 4 * base;
        embeddings = SinusoidalEmbedding.table(manager, steps, base);
        embedIn = new Dense(w, "embed.0", base, embedding);
        embedOut = new Dense(w, "embed.1", embedding, embedding);
        input = new Conv(w, "in", in, base, 3, false);
        int current = base;
        for (int i = 0; i < channels.size(); i++) {
            int c = channels.get(i);
            long h = height >> i;
            long wd = width >> i;
            down.add(new ResidualBlock(w, "down" + i, current, c, embedding, h, wd));
            downsample.add(new Conv(w, "down" + i + ".sample", c, c, 3, false));
            current = c;
        }
        int levels = channels.size();
        middle = new ResidualBlock(w, "middle", current, current, embedding, height >> levels, width >> levels);
        for (int i = levels - 1; i >= 0; i--) {
            int c = channels.get(i);
            upsample.add(new Conv(w, "up" + i + ".sample", current, c, 3, false));
            up.add(new ResidualBlock(w, "up" + i, 2 * c, c, embedding, height >> i, width >> i));
            current = c;
        }
        outNorm = new Norm(w, base, height, width);
        output = new Conv(w, "out", base, in, 3, true);
        parameters = w.list();
    }

    @Override
    public NDArray predict(NDArray xt, NDArray t, StepContext context) {
        long batch = xt.getShape().get(0);
        NDArray e = embedOut.apply(silu(embedIn.apply(Tables.at(embeddings, t, 1), context)), context);
        NDArray conditioning = silu(e);
        if (conditioning.getShape().get(0) != batch) {
            conditioning = conditioning.broadcast(
                    new Shape(batch, conditioning.getShape().get(1)));
        }
        NDArray h = input.apply(xt, ONE, context);
        Deque<NDArray> skips = new ArrayDeque<>();
        for (int i = 0; i < down.size(); i++) {
            h = down.get(i).apply(h, conditioning, context);
            skips.push(h);
            h = downsample.get(i).apply(h, TWO, context);
        }
        h = middle.apply(h, conditioning, context);
        for (int i = 0; i < up.size(); i++) {
            Shape s = h.getShape();
            h = h.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, 0, false);
            h = upsample.get(i).apply(h, ONE, context);
            h = up.get(i).apply(h.concat(skips.pop(), 1), conditioning, context);
        }
        return output.apply(silu(outNorm.apply(h)), ONE, context);
    }

    @Override
    public ParameterList parameters() {
        return parameters;
    }

    private static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    /** A convolution with a square kernel and "same" padding, initialized as PyTorch's nn.Conv2d. */
    private static final class Conv {
        private final Parameter weight;
        private final Parameter bias;
        private final Shape padding;

        Conv(Weights w, String name, int in, int out, int kernel, boolean zero) {
            Shape shape = new Shape(out, in, kernel, kernel);
            long fanIn = (long) in * kernel * kernel;
            weight = zero ? w.zeros(name + ".weight", shape) : w.uniform(name + ".weight", shape, fanIn);
            bias = zero ? w.zeros(name + ".bias", new Shape(out)) : w.uniform(name + ".bias", new Shape(out), fanIn);
            padding = kernel == 1 ? NO_PAD : new Shape(kernel / 2, kernel / 2);
        }

        NDArray apply(NDArray x, Shape stride, StepContext context) {
            return Conv2d.conv2d(
                            x, Weights.read(weight, x, context), Weights.read(bias, x, context), stride, padding, ONE)
                    .singletonOrThrow();
        }
    }

    /** A fully connected layer, initialized as PyTorch's nn.Linear. */
    private static final class Dense {
        private final Parameter weight;
        private final Parameter bias;

        Dense(Weights w, String name, int in, int out) {
            weight = w.uniform(name + ".weight", new Shape(out, in), in);
            bias = w.uniform(name + ".bias", new Shape(out), in);
        }

        NDArray apply(NDArray x, StepContext context) {
            return Linear.linear(x, Weights.read(weight, x, context), Weights.read(bias, x, context))
                    .singletonOrThrow();
        }
    }

    /** Normalization over each example's channels and positions: group norm with one group. */
    private static final class Norm {
        private final Shape shape;
        private final NDArray ones;
        private final NDArray zeros;

        Norm(Weights w, int channels, long height, long width) {
            shape = new Shape(channels, height, width);
            ones = w.constant(shape, 1f);
            zeros = w.constant(shape, 0f);
        }

        NDArray apply(NDArray x) {
            return x.getNDArrayInternal()
                    .layerNorm(x, shape, ones, zeros, NORM_EPS)
                    .singletonOrThrow();
        }
    }

    /** Norm, SiLU, convolution, plus the step's projection; norm, SiLU, convolution; plus the input. */
    private static final class ResidualBlock {
        private final Norm norm1;
        private final Conv conv1;
        private final Dense step;
        private final Norm norm2;
        private final Conv conv2;
        private final Conv shortcut;

        ResidualBlock(Weights w, String name, int in, int out, int embedding, long height, long width) {
            norm1 = new Norm(w, in, height, width);
            conv1 = new Conv(w, name + ".conv1", in, out, 3, false);
            step = new Dense(w, name + ".step", embedding, out);
            norm2 = new Norm(w, out, height, width);
            conv2 = new Conv(w, name + ".conv2", out, out, 3, false);
            shortcut = in == out ? null : new Conv(w, name + ".shortcut", in, out, 1, false);
        }

        NDArray apply(NDArray x, NDArray conditioning, StepContext context) {
            NDArray h = conv1.apply(silu(norm1.apply(x)), ONE, context);
            NDArray s = step.apply(conditioning, context);
            h = h.add(s.reshape(s.getShape().get(0), s.getShape().get(1), 1, 1));
            h = conv2.apply(silu(norm2.apply(h)), ONE, context);
            return (shortcut == null ? x : shortcut.apply(x, ONE, context)).add(h);
        }
    }
}
