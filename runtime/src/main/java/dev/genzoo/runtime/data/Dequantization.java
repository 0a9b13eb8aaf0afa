package dev.genzoo.runtime.data;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.NearestName;
import dev.genzoo.runtime.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How discrete values become continuous ones for a model with a density: uniform dequantization
 * (Theis et al. 2016, section 3.1; Dinh et al. 2017, section 4.1). A value k / (K - 1) on a grid
 * of K levels in [0, 1] becomes (k + u) / K with u ~ U[0, 1), so the K cells tile [0, 1). Any
 * density p on [0, 1)^D then bounds the discrete likelihood: log P(k) >= E_u[log p((k + u) / K)] -
 * D log K.
 */
public enum Dequantization {
    /** Keep the values as they are. */
    NONE,
    /** Add uniform noise within each value's cell, afresh for every training batch. */
    UNIFORM;

    /** The most levels a data set may have to be dequantized: 8-bit pixels. */
    public static final int MAX_LEVELS = GridLevels.MAX_LEVELS;

    /**
     * The dequantization a user named.
     *
     * @param text "none" or "uniform", in any case
     * @return the dequantization
     * @throws GenzooException for any other word, suggesting the nearest one
     */
    public static Dequantization parse(String text) {
        List<String> words = new ArrayList<>();
        for (Dequantization d : values()) {
            if (d.word().equalsIgnoreCase(text.strip())) {
                return d;
            }
            words.add(d.word());
        }
        throw new GenzooException("unknown dequantization '" + text + "' (choose " + String.join(", ", words) + ")"
                + NearestName.suggestion(text.strip(), words));
    }

    /**
     * The word a user writes for this dequantization.
     *
     * @return "none" or "uniform"
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The number of levels K of a discrete data set: the smallest K &lt;= 256 such that every
     * value lies on the grid 0, 1 / (K - 1), ..., 1 (17 for the bundled digits, 256 for 8-bit
     * images, 2 for binary ones).
     *
     * @param data values in [0, 1]
     * @return K, at least 2
     * @throws GenzooException if the values lie on no such grid
     */
    public static int levels(Dataset data) {
        float[] values = data.distinctOrAllValues();
        GridLevels grid = GridLevels.of(values);
        if (grid.levels() == 0) {
            throw notDiscrete(data, grid.whyNone());
        }
        return grid.levels();
    }

    private static GenzooException notDiscrete(Dataset data, String why) {
        return new GenzooException("data '" + data.name() + "' cannot be dequantized: " + why + "; use "
                + Settings.DEQUANTIZE.flag() + " none");
    }

    /**
     * Dequantizes once, value after value: x (K - 1) / K + u / K, u ~ U[0, 1).
     *
     * @param data values on the grid of K levels
     * @param levels K
     * @param seed the seed of the {@link SplittableRandom} that draws u
     * @return a data set of the same name, shape and labels with values in [0, 1); the same for the
     *     same seed
     */
    public static Dataset sample(Dataset data, int levels, long seed) {
        int n = data.size() * data.exampleSize();
        float[] out = new float[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double k = Math.rint(data.value(i) * (levels - 1.0));
            out[i] = (float) ((k + random.nextDouble()) / levels);
        }
        return new Dataset(data.name(), data.exampleShape(), out, data.labels().orElse(null))
                .withClasses(data.classes());
    }
}
