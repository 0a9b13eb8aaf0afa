package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * The spatial size of each level of the encoder: a 4x4 convolution with stride 2 and padding 1
 * maps a side of n to floor(n / 2), so 28x28 images give 14x14 and then a 7x7 code grid (van den
 * Oord et al. 2017, section 4.1). The decoder upsamples back through the same sizes.
 */
final class GridSizes {
    /** The channels of the encoder's downsampling convolutions, mirrored by the decoder. */
    static final Option<List<Integer>> CHANNELS = channels(List.of(32, 64));

    /** Images whose smaller side is under this are halved once by default, not twice. */
    static final int SMALL = 16;

    /**
     * Dead-code restarts by default on small images: a small data set takes few steps an epoch, and
     * without restarts the digits' codebook collapsed to 4 of its 512 codes in 5 epochs (445 in use
     * with this default).
     */
    static final Option<Integer> SMALL_RESTART = Option.integer(
                    VectorQuantizer.RESTART_AFTER.name(),
                    10,
                    VectorQuantizer.RESTART_AFTER.description() + "; 10 by default on images under " + SMALL
                            + " pixels a side")
            .atLeast(0);

    private static Option<List<Integer>> channels(List<Integer> defaults) {
        return Option.integers(
                        "channels",
                        defaults,
                        "channels of each stride-2 convolution (each halves the grid); the decoder mirrors them;"
                                + " 64 alone on images under " + SMALL + " pixels a side")
                .atLeast(1);
    }

    /**
     * Options with defaults fitted to the data: two halvings (28x28 MNIST to a 7x7 code grid), one on
     * images under 16 pixels a side (8x8 digits to 4x4, not 2x2), where dead codes are also restarted.
     *
     * @param options a factory's options, {@link #CHANNELS} among them
     * @param data one example's shape
     * @return the same options, {@code channels} with the fitted default
     */
    static List<Option<?>> fitted(List<Option<?>> options, Shape data) {
        boolean small = data.dimension() == 3 && Math.min(data.get(1), data.get(2)) < SMALL;
        if (!small) {
            return options;
        }
        List<Option<?>> out = new ArrayList<>();
        for (Option<?> option : options) {
            if (option == CHANNELS) {
                out.add(channels(List.of(64)));
            } else if (option == VectorQuantizer.RESTART_AFTER) {
                out.add(SMALL_RESTART);
            } else {
                out.add(option);
            }
        }
        return out;
    }

    private GridSizes() {}

    /**
     * The sizes (height, width) of levels 0 (the data) to {@code levels} (the code grid).
     *
     * @throws GenzooException if the data are not images or too small for that many halvings
     */
    static long[][] of(Shape data, int levels) {
        if (data.dimension() != 3) {
            throw new GenzooException(
                    "convolutional VQ-VAE components read images (channels, height, width), but data examples have shape "
                            + data);
        }
        long[][] sizes = new long[levels + 1][];
        sizes[0] = new long[] {data.get(1), data.get(2)};
        for (int l = 1; l <= levels; l++) {
            long h = sizes[l - 1][0];
            long w = sizes[l - 1][1];
            if (h < 2 || w < 2) {
                throw new GenzooException(String.format(
                        "images of %dx%d cannot be halved %d times; give fewer -P channels",
                        data.get(1), data.get(2), levels));
            }
            sizes[l] = new long[] {h / 2, w / 2};
        }
        return sizes;
    }
}
