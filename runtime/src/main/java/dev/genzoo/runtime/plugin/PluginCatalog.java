package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.NearestName;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Every plugin found with {@link ServiceLoader}, its factories by role and name, its samplers by
 * name, and the faults met on the way. A provider that fails to load, or a name that repeats one already registered,
 * becomes a {@link PluginFault}; the other plugins still load.
 */
public final class PluginCatalog {
    /** The word for samplers in messages; they fill no role of the model. */
    static final String SAMPLER = "sampler";

    private final List<String> plugins = new ArrayList<>();
    private final Map<Role, Map<String, Registered>> factories = new EnumMap<>(Role.class);
    private final Map<String, Registered> samplers = new LinkedHashMap<>();
    private final Map<String, List<Registered>> clashes = new LinkedHashMap<>();
    private final List<PluginFault> faults = new ArrayList<>();
    private final String searched;

    private PluginCatalog(String searched) {
        this.searched = searched;
        for (Role role : Role.values()) {
            factories.put(role, new LinkedHashMap<>());
        }
    }

    /**
     * Discovers the plugins visible to a class loader.
     *
     * @param loader the class loader to search
     * @param searched words for messages saying where plugins were looked for
     * @return the catalog
     */
    public static PluginCatalog discover(ClassLoader loader, String searched) {
        PluginCatalog catalog = new PluginCatalog(searched);
        Iterator<GenzooPlugin> it = ServiceLoader.load(GenzooPlugin.class, loader).iterator();
        while (true) {
            GenzooPlugin plugin;
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                catalog.faults.add(new PluginFault("unknown", "a plugin provider", reason(e)));
                continue;
            }
            catalog.add(plugin, sourceOf(plugin.getClass()));
        }
        return catalog;
    }

    /**
     * Discovers the plugins on the application's class path.
     *
     * @return the catalog
     */
    public static PluginCatalog fromClassPath() {
        return discover(PluginCatalog.class.getClassLoader(), "the class path");
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
     */
    public void add(GenzooPlugin plugin, String source) {
        String name;
        try {
            name = plugin.name();
        } catch (RuntimeException | LinkageError e) {
            faults.add(new PluginFault(source, plugin.getClass().getName(), reason(e)));
            return;
        }
        if (plugins.contains(name)) {
            faults.add(
                    new PluginFault(
                            source, name, "a plugin named '" + name + "' is already loaded; skipped"));
            return;
        }
        plugins.add(name);
        register(Role.ENCODER.word(), factories.get(Role.ENCODER), plugin::encoders, name, source);
        register(Role.PRIOR.word(), factories.get(Role.PRIOR), plugin::priors, name, source);
        register(Role.DECODER.word(), factories.get(Role.DECODER), plugin::decoders, name, source);
        register(Role.OBJECTIVE.word(), factories.get(Role.OBJECTIVE), plugin::objectives, name, source);
        register(SAMPLER, samplers, plugin::samplers, name, source);
    }

    private void register(
            String kind,
            Map<String, Registered> into,
            Supplier<? extends List<? extends ComponentFactory<?>>> supplier,
            String plugin,
            String source) {
        List<? extends ComponentFactory<?>> list;
        try {
            list = supplier.get();
        } catch (RuntimeException | LinkageError e) {
            faults.add(new PluginFault(source, plugin, "its " + kind + "s failed to load: " + reason(e)));
            return;
        }
        for (ComponentFactory<?> factory : list) {
            String name;
            try {
                name = factory.name();
                factory.options();
            } catch (RuntimeException | LinkageError e) {
                faults.add(new PluginFault(source, plugin, "a " + kind + " failed to load: " + reason(e)));
                continue;
            }
            Registered entry = new Registered(kind, factory, plugin, source);
            Registered first = into.get(name);
            if (first != null) {
                clashes.computeIfAbsent(key(kind, name), k -> new ArrayList<>(List.of(first))).add(entry);
                faults.add(
                        new PluginFault(
                                source,
                                plugin,
                                String.format(
                                        "%s '%s' repeats the name of plugin '%s' (%s); not loaded",
                                        kind, name, first.plugin(), first.source())));
                continue;
            }
            into.put(name, entry);
        }
    }

    /**
     * The factory registered for a role under a name.
     *
     * @param role the role
     * @param name the name the user gave
     * @return the registration
     * @throws GenzooException if no such factory exists (naming the nearest), or if two plugins
     *     claim the name
     */
    public Registered find(Role role, String name) {
        return find(role.word(), factories.get(role), name);
    }

    /**
     * The sampler registered under a name.
     *
     * @param name the name the user gave
     * @return the registration, whose factory is a {@link dev.genzoo.api.SamplerFactory}
     * @throws GenzooException if no such sampler exists (naming the nearest), or if two plugins
     *     claim the name
     */
    public Registered findSampler(String name) {
        return find(SAMPLER, samplers, name);
    }

    private Registered find(String kind, Map<String, Registered> known, String name) {
        List<Registered> clash = clashes.get(key(kind, name));
        if (clash != null) {
            List<String> who = new ArrayList<>();
            for (Registered r : clash) {
                who.add("plugin '" + r.plugin() + "' (" + r.source() + ")");
            }
            throw new GenzooException(
                    String.format(
                            "%s '%s' is provided by more than one plugin: %s; remove one of them",
                            kind, name, String.join(" and ", who)));
        }
        Registered found = known.get(name);
        if (found == null) {
            String hint =
                    known.isEmpty()
                            ? "; no " + kind + " is installed (searched " + searched + ")"
                            : NearestName.suggestion(name, known.keySet())
                                    + " (known: " + String.join(", ", known.keySet()) + ")";
            throw new GenzooException("unknown " + kind + " '" + name + "'" + hint);
        }
        return found;
    }

    /**
     * The factories of one role, by name, in discovery order.
     *
     * @param role the role
     * @return an unmodifiable view
     */
    public Map<String, Registered> factories(Role role) {
        return Collections.unmodifiableMap(factories.get(role));
    }

    /**
     * The samplers, by name, in discovery order.
     *
     * @return an unmodifiable view
     */
    public Map<String, Registered> samplers() {
        return Collections.unmodifiableMap(samplers);
    }

    /**
     * The names of the plugins that loaded.
     *
     * @return the names, in discovery order
     */
    public List<String> plugins() {
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

    private static String key(String kind, String name) {
        return kind + ":" + name;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return message;
    }

    /**
     * The jar file name, or the folder, a class was loaded from.
     *
     * @param type a class
     * @return a short description of its source
     */
    public static String sourceOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        if (location == null) {
            return "unknown";
        }
        try {
            Path path = Path.of(location.toURI());
            Path file = path.getFileName();
            return file != null && file.toString().endsWith(".jar") ? file.toString() : path.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }
}
