package dev.genzoo.runtime.plugin;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.GenzooPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Third-party plugins made on the spot: Java sources compiled against genzoo's api and DJL's api
 * only (as a plugin author's build would), packed into jars with or without a service file.
 */
final class PluginJars {
    private PluginJars() {}

    /**
     * Compiles sources into a fresh folder.
     *
     * @param dir where the sources and classes go
     * @param sources class name to source text
     * @param classPath extra folders or jars on the class path (a library the plugin uses)
     * @return the folder of compiled classes
     */
    static Path compile(Path dir, Map<String, String> sources, Path... classPath) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none"));
        List<String> path = new ArrayList<>(List.of(location(GenzooPlugin.class), location(NDArray.class)));
        for (Path p : classPath) {
            path.add(p.toString());
        }
        args.addAll(List.of("-classpath", String.join(java.io.File.pathSeparator, path)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = javac.run(null, log, log, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the test plugin did not compile: " + log.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /**
     * Packs compiled classes into a jar.
     *
     * @param jar the jar to write
     * @param classes a folder of classes
     * @param include the classes to pack (names), all if empty
     * @param providers the provider classes to register in the service file, none for a library jar
     * @return the jar
     */
    static Path jar(Path jar, Path classes, List<String> include, String... providers) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path path : all.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(path).toString().replace('\\', '/');
                String type = entry.replace('/', '.').replaceAll("(\\$.*)?\\.class$", "");
                if (include.isEmpty() || include.contains(type)) {
                    out.putNextEntry(new JarEntry(entry));
                    out.write(Files.readAllBytes(path));
                    out.closeEntry();
                }
            }
            if (providers.length > 0) {
                out.putNextEntry(new JarEntry(PluginArchive.SERVICES));
                out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
