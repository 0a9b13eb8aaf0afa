package dev.genzoo.runtime.wiring;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.runtime.plugin.PluginCatalog;
import jakarta.inject.Inject;
import java.util.Map;

/** The factories Guice bound, looked up by role and name; an unknown name names the nearest. */
public final class ChosenFactories {
    private final Map<String, EncoderFactory> encoders;
    private final Map<String, PriorFactory> priors;
    private final Map<String, DecoderFactory> decoders;
    private final Map<String, ObjectiveFactory> objectives;
    private final PluginCatalog catalog;

    /**
     * Injected with the bound maps.
     *
     * @param encoders encoder factories by name
     * @param priors prior factories by name
     * @param decoders decoder factories by name
     * @param objectives objective factories by name
     * @param catalog the discovered plugins, for messages
     */
    @Inject
    public ChosenFactories(
            Map<String, EncoderFactory> encoders,
            Map<String, PriorFactory> priors,
            Map<String, DecoderFactory> decoders,
            Map<String, ObjectiveFactory> objectives,
            PluginCatalog catalog) {
        this.encoders = encoders;
        this.priors = priors;
        this.decoders = decoders;
        this.objectives = objectives;
        this.catalog = catalog;
    }

    /**
     * The factory for a role by name.
     *
     * @param role the role
     * @param name the factory's name
     * @return the factory
     * @throws dev.genzoo.api.GenzooException if there is none, naming the nearest
     */
    public ComponentFactory<?> get(Role role, String name) {
        Map<String, ? extends ComponentFactory<?>> map = switch (role) {
            case ENCODER -> encoders;
            case PRIOR -> priors;
            case DECODER -> decoders;
            case OBJECTIVE -> objectives;
        };
        catalog.find(role, name); // refuses unknown and clashing names with a sentence
        return map.get(name);
    }

    /** @return the encoder factory named {@code name} */
    EncoderFactory encoder(String name) {
        return (EncoderFactory) get(Role.ENCODER, name);
    }

    /** @return the prior factory named {@code name} */
    PriorFactory prior(String name) {
        return (PriorFactory) get(Role.PRIOR, name);
    }

    /** @return the decoder factory named {@code name} */
    DecoderFactory decoder(String name) {
        return (DecoderFactory) get(Role.DECODER, name);
    }

    /** @return the objective factory named {@code name} */
    ObjectiveFactory objective(String name) {
        return (ObjectiveFactory) get(Role.OBJECTIVE, name);
    }

    /**
     * The sampler factory of a name.
     *
     * @param name the sampler's name
     * @return the factory
     * @throws dev.genzoo.api.GenzooException if there is none, naming the nearest
     */
    public SamplerFactory sampler(String name) {
        return (SamplerFactory) catalog.findSampler(name).factory();
    }

    /**
     * The plugin that provides a factory, for messages.
     *
     * @param role the role
     * @param name the factory's name
     * @return the plugin's name
     */
    public String pluginOf(Role role, String name) {
        return catalog.find(role, name).plugin();
    }

    /**
     * The plugin that provides a sampler, for messages.
     *
     * @param name the sampler's name
     * @return the plugin's name
     */
    public String samplerPlugin(String name) {
        return catalog.findSampler(name).plugin();
    }
}
