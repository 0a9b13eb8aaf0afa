package dev.genzoo.api;

import ai.djl.nn.ParameterList;

/**
 * Anything a factory creates: an encoder, prior, decoder or objective, with the parameters it
 * owns.
 *
 * <p>Lifecycle and ownership: a component is created by its factory on the {@link
 * BuildContext#manager() manager} of the chosen device and lives as long as that manager; its
 * parameter arrays belong to that manager. The runtime, not the component, decides where
 * parameters are saved and how they are updated.
 */
public interface Component {

    /**
     * The parameters this component owns, under names that are stable from one run to the next
     * (checkpoints are keyed by them). Parameters that {@link ai.djl.nn.Parameter#requiresGradient()
     * need no gradient} (an exponential moving average, say) are saved but not optimized. A
     * parameter shared with another component (a VampPrior reusing its encoder) may be listed by
     * both; the runtime counts it once.
     *
     * @return the parameters, empty for a parameter-free component
     */
    default ParameterList parameters() {
        return new ParameterList();
    }

    /**
     * Whether this component, as built, takes the {@link Condition} of a conditional model's
     * batches into account (api 1.2): one built with {@link BuildContext#conditionSize()} features
     * that reads {@link StepContext#condition()}, or one for which the condition changes nothing
     * (a fixed prior p(z|y) = p(z); an objective that hands the context on). The runtime refuses a
     * conditional run with a component that says no.
     *
     * @return false unless the component says otherwise
     */
    default boolean acceptsCondition() {
        return false;
    }
}
