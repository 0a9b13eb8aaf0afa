package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.api.SamplerFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The plugins that loaded, their factories in one {@link NamedRegistry} per role and one for
 * samplers, and the faults met on the way. {@link #discover(List)} fills it from genzoo's class
 * path and plugins folders (see {@link PluginDiscovery}); {@link #of} from given plugins.
 */
public final class PluginCatalog {
    /** The word for samplers in messages; they fill no role of the model. */
    static final String SAMPLER = "sampler";

    private final List<LoadedPlugin> plugins = new ArrayList<>();
    private final NamedRegistry<EncoderFactory> encoders = new NamedRegistry<>(Role.ENCODER.word());
    private final NamedRegistry<PriorFactory> priors = new NamedRegistry<>(Role.PRIOR.word());
    private final NamedRegistry<DecoderFactory> decoders = new NamedRegistry<>(Role.DECODER.word());
    private final NamedRegistry<ObjectiveFactory> objectives = new NamedRegistry<>(Role.OBJECTIVE.word());
    private final NamedRegistry<SamplerFactory> samplers = new NamedRegistry<>(SAMPLER);
    private final List<PluginFault> faults = new ArrayList<>();
    private final String searched;

    PluginCatalog(String searched) {
        this.searched = searched;
    }

    /**
     * Discovers the plugins bundled with genzoo (on its class path) and those installed in plugins
     * folders, each jar or sub-folder of a folder in a class loader of its own.
     *
     * @param folders plugins folders, searched in this order after the bundled plugins; a folder
     *     named twice is searched once
     * @return the catalog
     * @throws GenzooException if a folder does not exist or cannot be read
     */
    public static PluginCatalog discover(List<Path> folders) {
        return PluginDiscovery.discover(folders);
    }

    /**
     * Discovers the plugins visible to a class loader, as plugins bundled with genzoo.
     *
     * @param loader the class loader to search
     * @param searched words for messages saying where plugins were looked for
     * @return the catalog
     */
    public static PluginCatalog discover(ClassLoader loader, String searched) {
        return PluginDiscovery.discover(loader, searched);
    }

    /**
     * Discovers the plugins on the application's class path only.
     *
     * @return the catalog
     */
    public static PluginCatalog fromClassPath() {
        return discover(PluginCatalog.class.getClassLoader(), "genzoo's own jars");
    }

    /**
     * A catalog of the given plugins, for tests and embedding.
     *
     * @param plugins the plugins, in priority order
     * @return the catalog
     */
    public static PluginCatalog of(GenzooPlugin... plugins) {
        PluginCatalog catalog = new PluginCatalog("the given plugins");
        for (GenzooPlugin plugin : plugins) {
            catalog.add(plugin, sourceOf(plugin.getClass()));
        }
        return catalog;
    }

    /**
     * Adds one plugin and its factories, recording faults instead of failing.
     *
     * @param plugin the plugin
     * @param source where it came from, for messages
     * @return true if the plugin was added, false if it was refused (see {@link #faults()})
     */
    public boolean add(GenzooPlugin plugin, String source) {
        String name;
        try {
            name = plugin.name();
        } catch (RuntimeException | LinkageError e) {
            fault(new PluginFault(source, plugin.getClass().getName(), PluginFaults.reason(e)));
            return false;
        }
        for (LoadedPlugin loaded : plugins) {
            if (loaded.name().equals(name)) {
                fault(new PluginFault(
                        source,
                        name,
                        "a plugin named '" + name + "' is already loaded from " + loaded.source() + "; skipped"));
                return false;
            }
        }
        plugins.add(new LoadedPlugin(name, source, declaredVersion(plugin)));
        register(encoders, plugin::encoders, name, source);
        register(priors, plugin::priors, name, source);
        register(decoders, plugin::decoders, name, source);
        register(objectives, plugin::objectives, name, source);
        register(samplers, plugin::samplers, name, source);
        return true;
    }

    void fault(PluginFault fault) {
        faults.add(fault);
    }

    private static String declaredVersion(GenzooPlugin plugin) {
        try {
            String declared = plugin.apiVersion();
            return declared == null ? "" : declared.trim();
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /** Registers what a plugin lists of one kind, each factory that describes itself, faults for the rest. */
    private <F extends ComponentFactory<?>> void register(
            NamedRegistry<F> registry, Supplier<? extends List<? extends F>> supplier, String plugin, String source) {
        String kind = registry.kind();
        List<? extends F> list;
        try {
            list = List.copyOf(supplier.get());
        } catch (RuntimeException | LinkageError e) {
            fault(new PluginFault(source, plugin, "its " + kind + "s failed to load: " + PluginFaults.reason(e)));
            return;
        }
        for (F factory : list) {
            String name;
            try {
                name = factory.name();
            } catch (RuntimeException | LinkageError e) {
                fault(new PluginFault(source, plugin, "a " + kind + " failed to load: " + PluginFaults.reason(e)));
                continue;
            }
            try {
                factory.description();
                factory.options();
            } catch (RuntimeException | LinkageError e) {
                fault(new PluginFault(
                        source, plugin, kind + " '" + name + "' failed to load: " + PluginFaults.reason(e)));
                continue;
            }
            if (name == null || name.isBlank()) {
                fault(new PluginFault(source, plugin, "a " + kind + " has no name"));
                continue;
            }
            registry.register(new Registered<>(kind, factory, plugin, source))
                    .ifPresent(clash -> fault(new PluginFault(source, plugin, clash)));
        }
    }

    /**
     * The registry of a role's factories.
     *
     * @param role the role
     * @return its registry
     */
    public NamedRegistry<? extends ComponentFactory<?>> registry(Role role) {
        return switch (role) {
            case ENCODER -> encoders;
            case PRIOR -> priors;
            case DECODER -> decoders;
            case OBJECTIVE -> objectives;
        };
    }

    /** @return the encoder factories */
    public NamedRegistry<EncoderFactory> encoders() {
        return encoders;
    }

    /** @return the prior factories */
    public NamedRegistry<PriorFactory> priors() {
        return priors;
    }

    /** @return the decoder factories */
    public NamedRegistry<DecoderFactory> decoders() {
        return decoders;
    }

    /** @return the objective factories */
    public NamedRegistry<ObjectiveFactory> objectives() {
        return objectives;
    }

    /** @return the sampler factories */
    public NamedRegistry<SamplerFactory> samplerRegistry() {
        return samplers;
    }

    /**
     * The factory registered for a role under a name.
     *
     * @param role the role
     * @param name the name the user gave
     * @return the registration
     * @throws GenzooException if no such factory exists, naming the nearest
     */
    public Registered<? extends ComponentFactory<?>> find(Role role, String name) {
        return registry(role).find(name, searched);
    }

    /**
     * The sampler registered under a name.
     *
     * @param name the name the user gave
     * @return the registration
     * @throws GenzooException if no such sampler exists, naming the nearest
     */
    public Registered<SamplerFactory> findSampler(String name) {
        return samplers.find(name, searched);
    }

    /**
     * The factories of one role, by name, in discovery order.
     *
     * @param role the role
     * @return an unmodifiable view
     */
    public Map<String, ? extends Registered<? extends ComponentFactory<?>>> factories(Role role) {
        return registry(role).all();
    }

    /**
     * The samplers, by name, in discovery order.
     *
     * @return an unmodifiable view
     */
    public Map<String, Registered<SamplerFactory>> samplers() {
        return samplers.all();
    }

    /**
     * The names of the plugins that loaded.
     *
     * @return the names, in discovery order
     */
    public List<String> plugins() {
        List<String> names = new ArrayList<>();
        plugins.forEach(p -> names.add(p.name()));
        return Collections.unmodifiableList(names);
    }

    /**
     * The plugins that loaded, with where each came from and the api version it declares.
     *
     * @return the plugins, in discovery order
     */
    public List<LoadedPlugin> loaded() {
        return Collections.unmodifiableList(plugins);
    }

    /**
     * Everything that failed to load.
     *
     * @return the faults, in the order met
     */
    public List<PluginFault> faults() {
        return Collections.unmodifiableList(faults);
    }

    /**
     * Where plugins were looked for.
     *
     * @return words for messages
     */
    public String searched() {
        return searched;
    }

    /**
     * The jar file name, or the folder, a class was loaded from.
     *
     * @param type a class
     * @return a short description of its source
     */
    public static String sourceOf(Class<?> type) {
        return PluginDiscovery.sourceOf(type);
    }
}
