package dev.genzoo.runtime.plugin;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.GenzooPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds plugins with {@link ServiceLoader}: those bundled with genzoo on its own class path, then
 * those in plugins folders, each jar or sub-folder of jars in a class loader of its own whose
 * parent shows only genzoo's api and DJL's (see {@link ApiClassLoader}), each required to declare
 * an {@link ApiVersion} this genzoo can run. What fails becomes a {@link PluginFault}; the other
 * plugins still load.
 */
final class PluginDiscovery {
    private final PluginCatalog catalog;

    private PluginDiscovery(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** The bundled plugins, then those of the folders in order; a folder named twice is searched once. */
    static PluginCatalog discover(List<Path> folders) {
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
        List<String> words = new ArrayList<>();
        distinct.forEach(p -> words.add(p.toString()));
        String searched = "genzoo's own jars"
                + (distinct.isEmpty() ? "" : " and the plugins folders " + String.join(", ", words));
        PluginDiscovery discovery = new PluginDiscovery(new PluginCatalog(searched));
        ClassLoader genzoo = GenzooPlugin.class.getClassLoader();
        discovery.load(genzoo, null);
        ApiClassLoader api = new ApiClassLoader(genzoo);
        archives.forEach(archive -> discovery.load(archive, api));
        return discovery.catalog;
    }

    /** The plugins a class loader sees, as plugins bundled with genzoo. */
    static PluginCatalog discover(ClassLoader loader, String searched) {
        PluginDiscovery discovery = new PluginDiscovery(new PluginCatalog(searched));
        discovery.load(loader, null);
        return discovery.catalog;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /** Loads one archive of a plugins folder in its own loader, closing the loader if nothing of it is kept. */
    private void load(PluginArchive archive, ClassLoader api) {
        Optional<String> defect = archive.defect();
        if (defect.isPresent()) {
            catalog.fault(new PluginFault(archive.toString(), "unknown", defect.get()));
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

    /** Instantiates every provider a loader registers and adds the plugins that may run; returns how many. */
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
                catalog.fault(new PluginFault(where, PluginFaults.providerNamed(e), PluginFaults.providerReason(e)));
                continue;
            }
            String source = archive == null ? sourceOf(plugin.getClass()) : pathOf(plugin.getClass());
            Optional<String> refusal = versionRefusal(plugin, archive != null);
            if (refusal.isPresent()) {
                catalog.fault(new PluginFault(source, nameOf(plugin), refusal.get()));
            } else if (catalog.add(plugin, source)) {
                added++;
            }
        }
        return added;
    }

    /** Why a plugin may not run on this api, if it may not; an undeclared version is refused from folders only. */
    private static Optional<String> versionRefusal(GenzooPlugin plugin, boolean fromFolder) {
        String declared;
        try {
            declared = plugin.apiVersion();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("its apiVersion() failed: " + PluginFaults.reason(e));
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
                "it was built for genzoo api %s, and this genzoo provides api %s, which runs plugins built for %s"
                        + " only",
                builtFor, provided, runs));
    }

    private static String nameOf(GenzooPlugin plugin) {
        try {
            return plugin.name();
        } catch (RuntimeException | LinkageError e) {
            return plugin.getClass().getName();
        }
    }

    /** The jar file name, or the folder, a class was loaded from. */
    static String sourceOf(Class<?> type) {
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
