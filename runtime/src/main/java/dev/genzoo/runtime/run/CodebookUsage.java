package dev.genzoo.runtime.run;

import ai.djl.nn.Parameter;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.EpochRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a quantizer's codebook has collapsed (van den Oord et al. 2017 train around it; Dhariwal
 * et al. 2020 restart dead codes): a model whose objective reports the held-out {@code codes-used}
 * and that owns a parameter named {@code codebook} of K rows uses under a tenth of them. Read
 * through these two names only, as the code priors find the codebook, so any family may report
 * them.
 */
final class CodebookUsage {
    /** The held-out metric that counts the codes in use. */
    static final String CODES_USED = "codes-used";
    /** The name a codebook parameter ends with. */
    static final String CODEBOOK = "codebook";
    /** Below this fraction of its codes in use a codebook has collapsed. */
    static final double COLLAPSED = 0.1;

    private CodebookUsage() {}

    /**
     * A warning when the last epoch's held-out codes cover under a tenth of the codebook.
     *
     * @param model the trained model
     * @param last the last epoch, or null
     * @return one sentence, or empty
     */
    static Optional<String> warning(AssembledModel model, EpochRecord last) {
        if (last == null || !last.test().containsKey(CODES_USED)) {
            return Optional.empty();
        }
        double used = last.test().get(CODES_USED);
        for (Map.Entry<String, Parameter> entry : model.parameters().entrySet()) {
            if (!entry.getKey().endsWith("." + CODEBOOK)) {
                continue;
            }
            long codes = entry.getValue().getArray().getShape().get(0);
            if (used < COLLAPSED * codes) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "the codebook has collapsed: the test split uses %s of its %d codes, so samples and the"
                                + " bound rest on those alone; fewer codes, dead-code restarts or a smaller learning"
                                + " rate help (genzoo plugins lists the encoder's options)",
                        used == Math.rint(used) ? Long.toString((long) used) : String.format(Locale.ROOT, "%.1f", used),
                        codes));
            }
        }
        return Optional.empty();
    }
}
