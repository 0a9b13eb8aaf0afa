package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A swept component option applies only where it means something: {@code options.objective.k} is
 * set in the trials whose objective declares {@code k} (the iwae ones of a grid over elbo and iwae)
 * and left out of the others, as a conditional hyperparameter is in a sweep tool. An option that no
 * trial's components declare is a mistake in the spec and is refused.
 */
public final class ApplicableOptions {
    /** Whether a component declares an option. */
    @FunctionalInterface
    public interface Declarations {
        /**
         * @param role the component's role
         * @param component its name
         * @param option the option's name
         * @return whether the component declares it
         */
        boolean declares(Role role, String component, String option);
    }

    private ApplicableOptions() {}

    /**
     * The spec's trials, each without the swept options its components do not declare.
     *
     * @param spec the sweep spec
     * @param resolve resolves a trial's draft (to learn the components chosen, defaults included)
     * @param declarations which options each component declares
     * @return the trials, in order
     * @throws GenzooException if a swept option applies to no trial
     */
    public static List<Trial> trials(
            SweepSpec spec, Function<ConfigDraft, ExperimentConfig> resolve, Declarations declarations) {
        List<Trial> trials = new ArrayList<>();
        Set<String> swept = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (Trial trial : spec.trials()) {
            Set<String> options = new LinkedHashSet<>();
            for (String key : trial.assignments().keySet()) {
                if (key.startsWith("options.")) {
                    options.add(key);
                }
            }
            swept.addAll(options);
            if (options.isEmpty()) {
                trials.add(trial);
                continue;
            }
            ExperimentConfig chosen;
            try {
                chosen = resolve.apply(spec.without(trial, options).draft());
            } catch (GenzooException e) {
                throw new GenzooException("trial " + trial.name() + ": " + e.getMessage(), e);
            }
            Set<String> dropped = new LinkedHashSet<>();
            for (String key : options) {
                if (applies(key, chosen, declarations)) {
                    used.add(key);
                } else {
                    dropped.add(key);
                }
            }
            trials.add(spec.without(trial, dropped));
        }
        for (String key : swept) {
            if (!used.contains(key)) {
                throw new GenzooException(String.format(
                        Locale.ROOT,
                        "the sweep sets %s, an option that none of its trials' components declares (genzoo plugins"
                                + " lists each component's options)",
                        key));
            }
        }
        return trials;
    }

    /** {@code options.ROLE.name} applies when that role's component declares it, {@code options.name} when any does. */
    private static boolean applies(String key, ExperimentConfig chosen, Declarations declarations) {
        String rest = key.substring("options.".length());
        int dot = rest.indexOf('.');
        if (dot > 0) {
            for (Role role : Role.values()) {
                if (role.word().equals(rest.substring(0, dot))) {
                    return declarations.declares(role, chosen.component(role), rest.substring(dot + 1));
                }
            }
        }
        for (Role role : Role.values()) {
            if (declarations.declares(role, chosen.component(role), rest)) {
                return true;
            }
        }
        return false;
    }
}
