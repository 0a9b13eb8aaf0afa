package dev.genzoo.runtime.eval;

import dev.genzoo.api.GenzooException;
import java.util.List;

/**
 * What {@code genzoo eval} computes: the numbers of importance samples K, the seed of the draws,
 * the examples per forward pass, how many test examples (the first ones) to score, and whether
 * annealed importance sampling runs after importance sampling.
 *
 * @param ks the importance sample counts, strictly increasing, each at least 1
 * @param seed the seed of the engine's random draws
 * @param batch test examples per forward pass, at least 1
 * @param examples the first this many test examples, or 0 for all of them
 * @param ksAsked whether the user chose the K list, which is then refused for a model that is not
 *     scored by importance sampling (rather than silently ignored)
 * @param ais annealed importance sampling's settings, or null to run none
 */
public record EvaluationSettings(
        List<Integer> ks, long seed, int batch, int examples, boolean ksAsked, AisSettings ais) {
    /** The K list of the IWAE paper's evaluations, ending at its 5000 (Burda et al. 2016, section 5). */
    public static final List<Integer> DEFAULT_KS = List.of(1, 10, 100, 1000, 5000);
    /** The default seed. */
    public static final long DEFAULT_SEED = 0;
    /** The default number of examples per forward pass. */
    public static final int DEFAULT_BATCH = 100;

    /**
     * Settings without annealed importance sampling.
     *
     * @param ks the importance sample counts, strictly increasing, each at least 1
     * @param seed the seed of the engine's random draws
     * @param batch test examples per forward pass, at least 1
     * @param examples the first this many test examples, or 0 for all of them
     */
    public EvaluationSettings(List<Integer> ks, long seed, int batch, int examples) {
        this(ks, seed, batch, examples, false, null);
    }

    /**
     * Checks the settings.
     *
     * @throws GenzooException naming the first bad value
     */
    public EvaluationSettings {
        ks = List.copyOf(ks);
        if (ks.isEmpty()) {
            throw new GenzooException("--k needs at least one number of importance samples");
        }
        for (int i = 0; i < ks.size(); i++) {
            if (ks.get(i) < 1) {
                throw new GenzooException("--k values must be at least 1, got " + ks.get(i));
            }
            if (i > 0 && ks.get(i) <= ks.get(i - 1)) {
                throw new GenzooException("--k values must increase, got " + ks);
            }
        }
        if (batch < 1) {
            throw new GenzooException("--batch must be at least 1, got " + batch);
        }
        if (examples < 0) {
            throw new GenzooException("--examples must be at least 1, got " + examples);
        }
    }

    /**
     * Settings without annealed importance sampling.
     *
     * @param ks the importance sample counts
     * @param seed the seed of the draws
     * @param batch test examples per forward pass
     * @param examples the first this many test examples, or 0 for all of them
     * @param ksAsked whether the user chose the K list
     */
    public EvaluationSettings(List<Integer> ks, long seed, int batch, int examples, boolean ksAsked) {
        this(ks, seed, batch, examples, ksAsked, null);
    }

    /**
     * The largest K.
     *
     * @return the last of {@link #ks()}
     */
    public int largestK() {
        return ks.get(ks.size() - 1);
    }

    /**
     * These settings with annealed importance sampling.
     *
     * @param annealing its settings
     * @return new settings, otherwise the same
     */
    public EvaluationSettings withAis(AisSettings annealing) {
        return new EvaluationSettings(ks, seed, batch, examples, ksAsked, annealing);
    }
}
