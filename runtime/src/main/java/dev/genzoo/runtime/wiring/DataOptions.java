package dev.genzoo.runtime.wiring;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataFacts;
import java.util.Map;
import java.util.Optional;

/**
 * Options whose right value is a fact of the data, by a name that means the same in every plugin:
 * {@code levels}, the number of values a pixel of the data takes as the model sees it (the bins of
 * a discretized likelihood, such as a diffusion's L_0). The runtime sets such an option from the
 * data unless the user gives it, and refuses to train a model whose value disagrees with the data.
 */
public final class DataOptions {
    /** The option holding the number of levels of the data. */
    public static final String LEVELS = "levels";

    private DataOptions() {}

    /**
     * The levels the data will have for the model, as far as a draft says: 2 if it binarizes them,
     * none if it dequantizes them, else the data's own. Under {@code auto} only a model with a
     * Bernoulli likelihood is binarized, and such a model has no levels to set.
     *
     * @param draft what the user gave
     * @param facts what the data are
     * @return K, or 0 for continuous values
     */
    static int levelsSeen(ConfigDraft draft, DataFacts facts) {
        String binarize = draft.get(Settings.BINARIZE);
        if (binarize != null && !binarize.equals(Settings.AUTO) && !binarize.equals("none")) {
            return 2;
        }
        String dequantize = draft.get(Settings.DEQUANTIZE);
        if (dequantize != null && dequantize.equals("uniform")) {
            return 0;
        }
        return facts.levels();
    }

    /** Sets {@code levels} of every chosen component that declares it and was not given it. */
    static void fill(Map<Role, Map<String, String>> given, Map<Role, ComponentFactory<?>> chosen, int levels) {
        if (levels < 2) {
            return;
        }
        chosen.forEach((role, factory) -> {
            if (factory.options().stream().anyMatch(o -> o.name().equals(LEVELS))) {
                given.get(role).putIfAbsent(LEVELS, Integer.toString(levels));
            }
        });
    }

    /**
     * Why a config's {@code levels} cannot be right for the data, if it cannot.
     *
     * @param config the resolved config
     * @param levelsSeen the levels of the data as the model sees them, 0 for continuous values
     * @param data the data's name
     * @return a sentence naming the option, its value and the data's levels; empty if all agree
     */
    public static Optional<String> mismatch(ExperimentConfig config, int levelsSeen, String data) {
        for (Role role : Role.values()) {
            String text = config.options(role).get(LEVELS);
            if (text == null || levelsSeen < 2 || text.equals(Integer.toString(levelsSeen))) {
                continue;
            }
            return Optional.of(String.format(
                    "option '%s' of %s is %s, but data '%s' as the model sees it takes %d levels;"
                            + " leave it out to take the data's, or set %s=%d",
                    LEVELS,
                    ConfigResolver.owner(role, config.component(role)),
                    text,
                    data,
                    levelsSeen,
                    LEVELS,
                    levelsSeen));
        }
        return Optional.empty();
    }
}
