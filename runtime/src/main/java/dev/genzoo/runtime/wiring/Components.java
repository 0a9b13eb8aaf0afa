package dev.genzoo.runtime.wiring;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.runtime.plugin.NamedRegistry;
import dev.genzoo.runtime.plugin.Registered;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.TreeMap;

/**
 * The factories Guice bound (see {@link ComponentsModule}), looked up by role and name; an unknown
 * name is answered with the nearest known one.
 */
public final class Components {
    private final Map<String, Registered<EncoderFactory>> encoders;
    private final Map<String, Registered<PriorFactory>> priors;
    private final Map<String, Registered<DecoderFactory>> decoders;
    private final Map<String, Registered<ObjectiveFactory>> objectives;
    private final Map<String, Registered<SamplerFactory>> samplers;
    private final String searched;

    /**
     * Injected with the bound maps.
     *
     * @param encoders encoder factories by name
     * @param priors prior factories by name
     * @param decoders decoder factories by name
     * @param objectives objective factories by name
     * @param samplers sampler factories by name
     * @param searched where plugins were looked for, for messages
     */
    @Inject
    public Components(
            Map<String, Registered<EncoderFactory>> encoders,
            Map<String, Registered<PriorFactory>> priors,
            Map<String, Registered<DecoderFactory>> decoders,
            Map<String, Registered<ObjectiveFactory>> objectives,
            Map<String, Registered<SamplerFactory>> samplers,
            @Named(ComponentsModule.SEARCHED) String searched) {
        this.encoders = encoders;
        this.priors = priors;
        this.decoders = decoders;
        this.objectives = objectives;
        this.samplers = samplers;
        this.searched = searched;
    }

    /**
     * The factory a role's name stands for, with the plugin that provides it.
     *
     * @param role the role
     * @param name the factory's name
     * @return the registration
     * @throws dev.genzoo.api.GenzooException if there is none, naming the nearest
     */
    public Registered<? extends ComponentFactory<?>> find(Role role, String name) {
        return NamedRegistry.find(byName(role), role.word(), name, searched);
    }

    private Map<String, ? extends Registered<? extends ComponentFactory<?>>> byName(Role role) {
        return switch (role) {
            case ENCODER -> encoders;
            case PRIOR -> priors;
            case DECODER -> decoders;
            case OBJECTIVE -> objectives;
        };
    }

    /**
     * Every factory of a role, by name.
     *
     * @param role the role
     * @return name to factory, in no particular order
     */
    public Map<String, ? extends ComponentFactory<?>> all(Role role) {
        Map<String, ComponentFactory<?>> factories = new TreeMap<>();
        byName(role).forEach((name, registered) -> factories.put(name, registered.factory()));
        return factories;
    }

    /**
     * The sampler a name stands for, with the plugin that provides it.
     *
     * @param name the sampler's name
     * @return the registration
     * @throws dev.genzoo.api.GenzooException if there is none, naming the nearest
     */
    public Registered<SamplerFactory> sampler(String name) {
        return NamedRegistry.find(samplers, "sampler", name, searched);
    }
}
