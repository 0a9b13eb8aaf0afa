package dev.genzoo.plugins.vae;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.Option;
import java.util.List;

/**
 * The sizes of an image halved L times by stride-2 convolutions (4x4, padding 1: a side of n to n /
 * 2), for sides divisible by 2^L so that the decoder's doublings give the image back exactly; and
 * the default channels, as many halvings of 32, 64, 128 as leave a grid of at least 4 a side (3 for
 * 32x32 images, 2 for 28x28, 1 for 8x8).
 */
final class ImageHalvings {
    /** The channels offered by default, one per halving. */
    private static final List<Integer> WIDTHS = List.of(32, 64, 128);

    /** The least side of the coarsest grid the default leaves. */
    private static final long LEAST_SIDE = 4;

    /** The {@code channels} option with the default for 32x32 images; a component reads its value by this. */
    static final Option<List<Integer>> CHANNELS = channels(null);

    private ImageHalvings() {}

    /**
     * The {@code channels} option, its default fitted to the data where their shape is known.
     *
     * @param data one example's shape, or null for the default of 32x32 images
     * @return the option
     */
    static Option<List<Integer>> channels(Shape data) {
        return Option.integers(
                        "channels",
                        fitted(data),
                        "channels of each stride-2 convolution (each halves the image, whose sides must divide by"
                                + " 2 per halving); the decoder mirrors them; by default 32,64,128 cut to leave 4"
                                + " pixels a side or more")
                .atLeast(1);
    }

    private static List<Integer> fitted(Shape data) {
        if (data == null || data.dimension() != 3) {
            return WIDTHS;
        }
        int levels = 0;
        long h = data.get(1);
        long w = data.get(2);
        while (levels < WIDTHS.size() && h % 2 == 0 && w % 2 == 0 && Math.min(h, w) / 2 >= LEAST_SIDE) {
            h /= 2;
            w /= 2;
            levels++;
        }
        return WIDTHS.subList(0, Math.max(1, levels));
    }

    /**
     * The sizes (height, width) of levels 0 (the image) to L.
     *
     * @param component the component's name, for messages
     * @param data one example's shape
     * @param levels L
     * @return L + 1 sizes
     * @throws GenzooException if the data are not images, or their sides do not divide by 2^L
     */
    static long[][] of(String component, Shape data, int levels) {
        if (data.dimension() != 3) {
            throw new GenzooException(component + " reads images (channels, height, width), but data examples have"
                    + " shape " + data + "; choose an MLP component");
        }
        long divisor = 1L << levels;
        if (data.get(1) % divisor != 0 || data.get(2) % divisor != 0) {
            throw new GenzooException(String.format(
                    "%s halves images %d times, so their sides must divide by %d, but they are %dx%d; give fewer"
                            + " -P channels, or an --image-size that divides by %d",
                    component, levels, divisor, data.get(1), data.get(2), divisor));
        }
        long[][] sizes = new long[levels + 1][];
        for (int l = 0; l <= levels; l++) {
            sizes[l] = new long[] {data.get(1) >> l, data.get(2) >> l};
        }
        return sizes;
    }
}
