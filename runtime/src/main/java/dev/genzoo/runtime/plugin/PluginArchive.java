package dev.genzoo.runtime.plugin;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One plugin as installed in a plugins folder: a jar, or a sub-folder of jars (the plugin's jar
 * and the libraries it ships beside it). Each archive loads in a class loader of its own, whose
 * parent is the {@link ApiClassLoader}.
 *
 * @param location the jar, or the sub-folder
 * @param jars the jars to load: the jar itself, or every jar under the sub-folder, in name order
 */
record PluginArchive(Path location, List<Path> jars) {
    /** The service file a plugin jar registers its {@link GenzooPlugin} in. */
    static final String SERVICES = "META-INF/services/" + GenzooPlugin.class.getName();

    /** How deep a plugin's sub-folder is searched for jars (its own, and a lib/ beside it). */
    private static final int DEPTH = 3;

    PluginArchive {
        jars = List.copyOf(jars);
    }

    /**
     * The plugins installed in a folder, in name order: every {@code *.jar} file and every
     * sub-folder. Hidden entries (names starting with a dot) and other files are ignored.
     *
     * @param folder a plugins folder
     * @return its plugins
     * @throws GenzooException if the folder does not exist, is not a folder, or cannot be read
     */
    static List<PluginArchive> in(Path folder) {
        List<PluginArchive> archives = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    archives.add(new PluginArchive(entry, jarsUnder(entry)));
                } else if (name.endsWith(".jar")) {
                    archives.add(new PluginArchive(entry, List.of(entry)));
                }
            }
        } catch (NoSuchFileException e) {
            throw new GenzooException("plugins folder " + folder + " does not exist");
        } catch (NotDirectoryException e) {
            throw new GenzooException("plugins folder " + folder + " is not a folder");
        } catch (IOException | UncheckedIOException e) {
            throw new GenzooException("plugins folder " + folder + " could not be read: " + e.getMessage(), e);
        }
        return archives;
    }

    private static List<Path> jarsUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, DEPTH)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Why this archive cannot load, found before any of its classes is: a jar that does not read
     * back whole (not a zip, truncated, an entry that fails its checksum), or no jar registering a
     * plugin.
     *
     * @return a sentence, or empty if the archive looks loadable
     */
    Optional<String> defect() {
        if (jars.isEmpty()) {
            return Optional.of("the folder holds no jar");
        }
        boolean registers = false;
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                registers |= file.getEntry(SERVICES) != null;
                readEveryEntry(file);
            } catch (IOException | SecurityException e) {
                String which = jar.equals(location) ? "" : jar.getFileName() + " is ";
                return Optional.of(which + "not a readable jar (" + e.getMessage() + ")");
            }
        }
        if (!registers) {
            return Optional.of("no jar here registers a plugin (it needs " + SERVICES + ")");
        }
        return Optional.empty();
    }

    /** Reads every entry to its end, which checks its checksum (and signature, if signed). */
    private static void readEveryEntry(JarFile file) throws IOException {
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            try (InputStream in = file.getInputStream(entry)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new IOException("entry " + entry.getName() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A new class loader over this archive's jars.
     *
     * @param parent the api loader, the only classes of genzoo the plugin sees
     * @return the loader; close it if no plugin from it is kept
     */
    URLClassLoader open(ClassLoader parent) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a file path is always a URL: " + jars.get(i), e);
            }
        }
        return new URLClassLoader("plugin " + location.getFileName(), urls, parent);
    }

    @Override
    public String toString() {
        return location.toString();
    }
}
