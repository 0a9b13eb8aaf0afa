package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.NearestName;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every plugin found with {@link ServiceLoader}, its factories by role and name, its samplers by
 * name, and the faults met on the way. Plugins bundled with genzoo come from its own class path; plugins in plugins
 * folders load one class loader each, seeing only genzoo's api and DJL's (see {@link
 * ApiClassLoader}), and must declare an {@link ApiVersion} this genzoo can run. A jar that does
 * not read, a provider that fails to load, an incompatible version, or a name that repeats one
 * already registered becomes a {@link PluginFault}; the other plugins still load.
 */
public final class PluginCatalog {
    /** The word for samplers in messages; they fill no role of the model. */
    static final String SAMPLER = "sampler";

    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

    private final List<LoadedPlugin> plugins = new ArrayList<>();
    private final Map<Role, Map<String, Registered>> factories = new EnumMap<>(Role.class);
    private final Map<String, Registered> samplers = new LinkedHashMap<>();
    private final List<PluginFault> faults = new ArrayList<>();
    private final String searched;

    private PluginCatalog(String searched) {
        this.searched = searched;
        for (Role role : Role.values()) {
            factories.put(role, new LinkedHashMap<>());
        }
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
        List<Path> distinct = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<PluginArchive> archives = new ArrayList<>();
        for (Path folder : folders) {
            List<PluginArchive> installed = PluginArchive.in(folder);
            if (seen.add(realPath(folder))) {
                distinct.add(folder);
                archives.addAll(installed);
            }
        }
        String searched =
                "genzoo's own jars" + (distinct.isEmpty() ? "" : " and the plugins folders " + joined(distinct));
        PluginCatalog catalog = new PluginCatalog(searched);
        ClassLoader genzoo = GenzooPlugin.class.getClassLoader();
        catalog.load(genzoo, null);
        ApiClassLoader api = new ApiClassLoader(genzoo);
        archives.forEach(archive -> catalog.load(archive, api));
        return catalog;
    }

    /**
     * Discovers the plugins visible to a class loader, as plugins bundled with genzoo.
     *
     * @param loader the class loader to search
     * @param searched words for messages saying where plugins were looked for
     * @return the catalog
     */
    public static PluginCatalog discover(ClassLoader loader, String searched) {
        PluginCatalog catalog = new PluginCatalog(searched);
        catalog.load(loader, null);
        return catalog;
    }

    /**
     * Discovers the plugins on the application's class path only.
     *
     * @return the catalog
     */
    public static PluginCatalog fromClassPath() {
        return discover(PluginCatalog.class.getClassLoader(), "genzoo's own jars");
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private static String joined(List<Path> paths) {
        List<String> words = new ArrayList<>();
        paths.forEach(p -> words.add(p.toString()));
        return String.join(", ", words);
    }

    /** Loads one archive of a plugins folder in its own loader, closing the loader if nothing of it is kept. */
    private void load(PluginArchive archive, ClassLoader api) {
        Optional<String> defect = archive.defect();
        if (defect.isPresent()) {
            faults.add(new PluginFault(archive.toString(), "unknown", defect.get()));
            return;
        }
        URLClassLoader loader = archive.open(api);
        if (load(loader, archive) == 0) {
            try {
                loader.close();
            } catch (IOException e) {
                // nothing of it was kept; a jar left open until exit does no harm
            }
        }
    }

    /**
     * Instantiates every provider a loader registers and adds the plugins that may run.
     *
     * @param loader the class loader
     * @param archive the plugins-folder archive the loader reads, or null for genzoo's own class path
     * @return how many plugins were added
     */
    private int load(ClassLoader loader, PluginArchive archive) {
        int added = 0;
        Iterator<GenzooPlugin> it =
                ServiceLoader.load(GenzooPlugin.class, loader).iterator();
        while (true) {
            GenzooPlugin plugin;
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                String where = archive == null ? "unknown" : archive.toString();
                faults.add(new PluginFault(where, providerNamed(e), providerReason(e)));
                continue;
            }
            String source = archive == null ? sourceOf(plugin.getClass()) : pathOf(plugin.getClass());
            Optional<String> refusal = versionRefusal(plugin, archive != null);
            if (refusal.isPresent()) {
                faults.add(new PluginFault(source, nameOf(plugin), refusal.get()));
            } else if (add(plugin, source)) {
                added++;
            }
        }
        return added;
    }

    /** Why a plugin may not run on this genzoo's api, if it may not; undeclared is refused only from plugins folders. */
    private static Optional<String> versionRefusal(GenzooPlugin plugin, boolean fromFolder) {
        String declared;
        try {
            declared = plugin.apiVersion();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("its apiVersion() failed: " + reason(e));
        }
        if (declared == null || declared.isBlank()) {
            return fromFolder
                    ? Optional.of("it does not declare the genzoo api version it was built for (its plugin class"
                            + " must override apiVersion() to return ApiVersion.CURRENT)")
                    : Optional.empty();
        }
        ApiVersion builtFor;
        try {
            builtFor = ApiVersion.parse(declared);
        } catch (IllegalArgumentException e) {
            return Optional.of("it declares api version '" + declared + "', which is not of the form MAJOR.MINOR");
        }
        ApiVersion provided = ApiVersion.provided();
        if (provided.canRun(builtFor)) {
            return Optional.empty();
        }
        String runs = provided.minor() == 0 ? "api " + provided : "api " + provided.major() + ".0 to " + provided;
        return Optional.of(String.format(
                "it was built for genzoo api %s, and this genzoo provides api %s, which runs plugins"
                        + " built for %s only",
                builtFor, provided, runs));
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
            faults.add(new PluginFault(source, plugin.getClass().getName(), reason(e)));
            return false;
        }
        for (LoadedPlugin loaded : plugins) {
            if (loaded.name().equals(name)) {
                faults.add(new PluginFault(
                        source,
                        name,
                        "a plugin named '" + name + "' is already loaded from " + loaded.source() + "; skipped"));
                return false;
            }
        }
        plugins.add(new LoadedPlugin(name, source, declaredVersion(plugin)));
        register(Role.ENCODER.word(), factories.get(Role.ENCODER), plugin::encoders, name, source);
        register(Role.PRIOR.word(), factories.get(Role.PRIOR), plugin::priors, name, source);
        register(Role.DECODER.word(), factories.get(Role.DECODER), plugin::decoders, name, source);
        register(Role.OBJECTIVE.word(), factories.get(Role.OBJECTIVE), plugin::objectives, name, source);
        register(SAMPLER, samplers, plugin::samplers, name, source);
        return true;
    }

    private static String declaredVersion(GenzooPlugin plugin) {
        try {
            String declared = plugin.apiVersion();
            return declared == null ? "" : declared.trim();
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    private static String nameOf(GenzooPlugin plugin) {
        try {
            return plugin.name();
        } catch (RuntimeException | LinkageError e) {
            return plugin.getClass().getName();
        }
    }

    private void register(
            String kind,
            Map<String, Registered> into,
            Supplier<? extends List<? extends ComponentFactory<?>>> supplier,
            String plugin,
            String source) {
        List<? extends ComponentFactory<?>> list;
        try {
            list = List.copyOf(supplier.get());
        } catch (RuntimeException | LinkageError e) {
            faults.add(new PluginFault(source, plugin, "its " + kind + "s failed to load: " + reason(e)));
            return;
        }
        for (ComponentFactory<?> factory : list) {
            String name;
            try {
                name = factory.name();
            } catch (RuntimeException | LinkageError e) {
                faults.add(new PluginFault(source, plugin, "a " + kind + " failed to load: " + reason(e)));
                continue;
            }
            try {
                factory.description();
                factory.options();
            } catch (RuntimeException | LinkageError e) {
                faults.add(new PluginFault(source, plugin, kind + " '" + name + "' failed to load: " + reason(e)));
                continue;
            }
            Registered first = into.get(name);
            if (first != null) {
                faults.add(new PluginFault(
                        source,
                        plugin,
                        String.format(
                                "%s '%s' repeats the name of plugin '%s' (%s); not loaded",
                                kind, name, first.plugin(), first.source())));
                continue;
            }
            into.put(name, new Registered(kind, factory, plugin, source));
        }
    }

    /**
     * The factory registered for a role under a name.
     *
     * @param role the role
     * @param name the name the user gave
     * @return the registration (where two plugins give the name, the first one found; the other
     *     is a fault)
     * @throws GenzooException if no such factory exists, naming the nearest
     */
    public Registered find(Role role, String name) {
        return find(role.word(), factories.get(role), name);
    }

    /**
     * The sampler registered under a name.
     *
     * @param name the name the user gave
     * @return the registration, whose factory is a {@link dev.genzoo.api.SamplerFactory} (where two
     *     plugins give the name, the first one found; the other is a fault)
     * @throws GenzooException if no such sampler exists, naming the nearest
     */
    public Registered findSampler(String name) {
        return find(SAMPLER, samplers, name);
    }

    private Registered find(String kind, Map<String, Registered> known, String name) {
        Registered found = known.get(name);
        if (found == null) {
            String hint = known.isEmpty()
                    ? "; no " + kind + " is installed (searched " + searched + ")"
                    : NearestName.suggestion(name, known.keySet()) + " (known: " + String.join(", ", known.keySet())
                            + ")";
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

    private static String reason(Throwable e) {
        if (e instanceof NoClassDefFoundError && e.getMessage() != null) {
            return "class " + e.getMessage().replace('/', '.')
                    + " is missing (a library the plugin needs is neither in its jar nor beside it)";
        }
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

    /** The provider class a service-loading error names, or "unknown". */
    private static String providerNamed(Throwable e) {
        Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "unknown";
    }

    /** Why a provider failed to load, in words: its class is missing, its constructor threw, or the engine's message. */
    private static String providerReason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        String provider = providerNamed(e);
        if (e instanceof ServiceConfigurationError && message.endsWith(" not found")) {
            return "its class " + provider + ", named in " + PluginArchive.SERVICES + ", is missing";
        }
        if (e instanceof ServiceConfigurationError
                && message.contains("could not be instantiated")
                && e.getCause() != null) {
            Throwable cause = e.getCause();
            return "its constructor threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return reason(e).replace(GenzooPlugin.class.getName() + ": ", "");
    }

    /**
     * The jar file name, or the folder, a class was loaded from.
     *
     * @param type a class
     * @return a short description of its source
     */
    public static String sourceOf(Class<?> type) {
        String path = pathOf(type);
        Path file = path.endsWith(".jar") ? Path.of(path).getFileName() : null;
        return file != null ? file.toString() : path;
    }

    /** The full path of the jar or folder a class was loaded from. */
    private static String pathOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        if (location == null) {
            return "unknown";
        }
        try {
            return Path.of(location.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }
}
