package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin built for an older api still loads and trains: the sources in
 * test resources api-1.1-plugin (a prior N(0, scale^2 I)) are compiled here against the api's
 * baseline jar, api/baseline/genzoo-api-1.1.jar, and DJL alone, packed as a plugin jar and used
 * through {@code genzoo train --plugins}. At scale 1 the plugin's prior is the standard normal, so
 * the run must reach the built-in standard-normal prior's test bound; at scale 3 it must not.
 */
final class OlderApiPluginTest {
    private static final Path BASELINE = Path.of("..", "api", "baseline", "genzoo-api-1.1.jar");

    @TempDir
    Path dir;

    @Test
    void aPluginCompiledAgainstApi11LoadsAndTrains() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        build(plugins.resolve("wide-normal.jar"));

        Console.Run listed = Console.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out().lines().filter(l -> l.trim().startsWith("wide ")))
                .singleElement()
                .satisfies(
                        line -> assertThat(line).contains("built for api 1.1").contains("wide-normal.jar"));
        assertThat(listed.out()).doesNotContain("not loaded");

        double builtIn = train("built-in", "--prior", "standard-normal");
        double widened = train("plugin-1", "--plugins", plugins.toString(), "--prior", "wide-normal", "-P", "scale=1");
        double wider = train("plugin-3", "--plugins", plugins.toString(), "--prior", "wide-normal", "-P", "scale=3");
        assertThat(widened).isCloseTo(builtIn, within(1e-3 * Math.abs(builtIn)));
        assertThat(Math.abs(wider - builtIn)).isGreaterThan(0.1);
        assertThat(Files.readString(dir.resolve("plugin-3").resolve("config.yaml")))
                .contains("wide-normal");
    }

    /** One epoch on the bundled digits; the last test bound in metrics.csv. */
    private double train(String name, String... extra) throws IOException {
        Path run = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of(
                "train", "--epochs", "1", "--seed", "0", "--tensorboard", "false", "--run-dir", run.toString()));
        args.addAll(List.of(extra));
        Console.Run training = Console.run(args.toArray(String[]::new));
        assertThat(training.code()).as(training.err()).isZero();
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("test_bound");
        double bound = Double.parseDouble(lines.get(lines.size() - 1).split(",")[column]);
        assertThat(bound).isFinite();
        return bound;
    }

    /** Compiles the plugin's sources against the baseline api and DJL, and jars them with their service file. */
    private void build(Path jar) throws IOException, URISyntaxException {
        assertThat(BASELINE)
                .as("the api baseline, read from the cli module's folder")
                .isRegularFile();
        Path sources = Path.of(getClass().getResource("/api-1.1-plugin").toURI());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path djl = Path.of(NDArray.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of(
                "--release",
                "17",
                "-classpath",
                BASELINE + java.io.File.pathSeparator + djl,
                "-d",
                classes.toString()));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                .as("javac against the 1.1 api")
                .isZero();
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream pack = new JarOutputStream(out);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                pack.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                pack.write(Files.readAllBytes(file));
                pack.closeEntry();
            }
            String service = "META-INF/services/dev.genzoo.api.GenzooPlugin";
            pack.putNextEntry(new JarEntry(service));
            pack.write(Files.readAllBytes(sources.resolve(service)));
            pack.closeEntry();
        }
    }
}
