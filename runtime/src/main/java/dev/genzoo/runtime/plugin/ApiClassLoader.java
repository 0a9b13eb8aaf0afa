package dev.genzoo.runtime.plugin;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.GenzooPlugin;
import java.net.URL;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The parent of every plugin's class loader (after Trino's plugin class loader, whose parent sees
 * only the SPI): the Java platform, plus the classes of genzoo's api and of DJL's api, shared with
 * genzoo so that a plugin's arrays and components are genzoo's own types. Nothing else of genzoo's
 * class path shows through: not the runtime, not the PyTorch engine, not Guice or any other library,
 * not another plugin, and no resource (so a plugin's {@code ServiceLoader} sees its own jars only).
 */
final class ApiClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader genzoo;
    private final Set<URL> shared;

    /**
     * A loader exposing the api classes genzoo itself loaded.
     *
     * @param genzoo the class loader that loaded genzoo's api (the application's)
     */
    ApiClassLoader(ClassLoader genzoo) {
        super("genzoo-api", ClassLoader.getPlatformClassLoader());
        this.genzoo = Objects.requireNonNull(genzoo, "genzoo");
        this.shared = new HashSet<>();
        shared.add(location(GenzooPlugin.class));
        shared.add(location(NDArray.class));
    }

    /**
     * A class of genzoo's api or DJL's api, as genzoo loaded it; every other name is not found.
     * The package test only spares the lookup; what decides is the jar (or folder) the class came
     * from, so {@code ai.djl.pytorch} (the engine, another jar) stays hidden.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith("dev.genzoo.api.") || name.startsWith("ai.djl.")) {
            Class<?> type = genzoo.loadClass(name);
            if (shared.contains(location(type))) {
                return type;
            }
        }
        throw new ClassNotFoundException(name + " is not part of the genzoo or DJL api that plugins see");
    }

    private static URL location(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        return code == null ? null : code.getLocation();
    }
}
