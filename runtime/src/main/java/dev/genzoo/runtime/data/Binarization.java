package dev.genzoo.runtime.data;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How grey-level intensities in [0, 1] become 0/1 pixels for a Bernoulli decoder: each pixel a
 * Bernoulli draw with p = its intensity, the stochastic binarization of Salakhutdinov and Murray
 * (2008).
 */
public enum Binarization {
    /** Keep the intensities as they are. */
    NONE,
    /** Draw once, with a fixed seed, and train on that one 0/1 data set. */
    STATIC,
    /** Draw afresh for every batch, so the model never sees the same 0/1 image twice. */
    DYNAMIC;

    /**
     * The binarization a user named.
     *
     * @param text "none", "static" or "dynamic", in any case
     * @return the binarization
     * @throws GenzooException for any other word, suggesting the nearest one
     */
    public static Binarization parse(String text) {
        List<String> words = new ArrayList<>();
        for (Binarization b : values()) {
            if (b.word().equalsIgnoreCase(text.strip())) {
                return b;
            }
            words.add(b.word());
        }
        throw new GenzooException("unknown binarization '" + text + "' (choose " + String.join(", ", words) + ")"
                + NearestName.suggestion(text.strip(), words));
    }

    /**
     * The word a user writes for this binarization.
     *
     * @return "none", "static" or "dynamic"
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * One Bernoulli draw per value, with p the value itself.
     *
     * @param data values in [0, 1]
     * @param seed the seed of the {@link SplittableRandom} that draws, value after value
     * @return a data set of the same name, shape and labels holding only 0 and 1, as bytes of two
     *     levels; the same for the same seed
     * @throws GenzooException if a value lies outside [0, 1] and so is no probability
     */
    public static Dataset sample(Dataset data, long seed) {
        int n = data.size() * data.exampleSize();
        byte[] drawn = new byte[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            float p = data.value(i);
            if (!(p >= 0f && p <= 1f)) {
                throw new GenzooException("cannot binarize data set '" + data.name() + "': example "
                        + i / data.exampleSize() + " holds " + p
                        + ", but binarization needs intensities in [0, 1]");
            }
            drawn[i] = random.nextDouble() < p ? (byte) 1 : (byte) 0;
        }
        return Dataset.ofBytes(
                        data.name(),
                        data.exampleShape(),
                        drawn,
                        2,
                        data.labels().orElse(null))
                .withClasses(data.classes());
    }
}
