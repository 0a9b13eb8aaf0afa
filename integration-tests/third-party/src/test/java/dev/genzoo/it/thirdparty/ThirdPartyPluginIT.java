package dev.genzoo.it.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise to plugin authors, end to end: a plugin built against the api artifact and genzoo-nn
 * (the example in integration-tests/example-plugin, built by maven-invoker-plugin before this test),
 * installed by unzipping its zip into the packaged distribution's plugins/ folder (a folder holding
 * its jar and the genzoo-nn jar it bundles), is listed by {@code genzoo plugins} and trains a model
 * with its own nn-built encoder from the command line; broken plugins beside it are reported, jar,
 * plugin and reason, and change nothing else; and no folder but those named is searched.
 */
final class ThirdPartyPluginIT {
    private static final String SERVICES = "META-INF/services/dev.genzoo.api.GenzooPlugin";

    @TempDir
    static Path unpacked;

    private static UnpackedGenzoo genzoo;
    /** The installed plugin: the folder plugins/renyi. */
    private static Path plugin;
    /** The plugin's own jar in that folder, where genzoo says the plugin comes from. */
    private static Path pluginJar;

    @BeforeAll
    static void installTheExamplePlugin() throws Exception {
        genzoo = UnpackedGenzoo.unpack(unpacked);
        Path built = Path.of(System.getProperty("example.plugin.zip"));
        assertThat(built)
                .as("the example plugin's zip, built by maven-invoker-plugin")
                .isRegularFile();
        unzip(built, genzoo.plugins());
        plugin = genzoo.plugins().resolve("renyi");
        pluginJar = plugin.resolve("genzoo-renyi-plugin-1.0.0.jar");
    }

    @Test
    void theDistributionHasItsLauncherLibrariesAndAPluginsFolder() throws Exception {
        assertThat(genzoo.home().getFileName().toString()).startsWith("genzoo-");
        assertThat(Files.isExecutable(genzoo.home().resolve("bin/genzoo"))).isTrue();
        assertThat(genzoo.home().resolve("lib"))
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("genzoo-cli"))
                .as("the network blocks the bundled plugins share")
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("genzoo-nn-"));
        assertThat(genzoo.plugins()).isDirectory();
        try (var files = Files.list(genzoo.plugins())) {
            assertThat(files.toList()).as("only what this test installed").containsExactly(plugin);
        }
        try (var files = Files.list(plugin)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("the plugin's jar and the genzoo-nn it bundles; not genzoo's api, not DJL")
                    .hasSize(2)
                    .contains(pluginJar.getFileName().toString())
                    .anySatisfy(name -> assertThat(name).startsWith("genzoo-nn-"));
        }
    }

    @Test
    void genzooPluginsListsThePluginItsJarItsApiVersionAndItsComponents(@TempDir Path work) throws Exception {
        // A decoy: a plugins/ folder in the working directory must not be searched.
        Files.createDirectories(work.resolve("plugins"));
        Files.writeString(work.resolve("plugins/decoy.jar"), "not searched");
        UnpackedGenzoo.Result listed = genzoo.run(work, "plugins");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out())
                .containsPattern("(?m)^  renyi +built for api 1\\.\\d+ +" + pluginJar.toRealPath() + "$")
                .contains("laplace ")
                .contains("mlp-laplace ")
                .contains("plugin renyi (" + pluginJar.toRealPath() + ")")
                .contains("alpha=0.5")
                .contains("learn-scale=false")
                .contains("searched: genzoo's own jars and the plugins folders "
                        + genzoo.plugins().toRealPath())
                .contains("mlp-gaussian")
                .doesNotContain("not loaded")
                .doesNotContain("decoy");
    }

    @Test
    void trainsWithThePluginsObjectiveAndPriorAndSamplesFromTheRun(@TempDir Path work) throws Exception {
        Path run = work.resolve("run");
        UnpackedGenzoo.Result train = genzoo.run(
                work,
                "train",
                "--encoder",
                "mlp-laplace",
                "--objective",
                "renyi",
                "--prior",
                "laplace",
                "-P",
                "learn-scale=true",
                "-P",
                "samples=4",
                "-P",
                "alpha=0.5",
                "-P",
                "hidden=64",
                "-P",
                "latent=8",
                "--epochs",
                "3",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err())
                .contains("encoder mlp-laplace")
                .contains("prior laplace")
                .contains("objective renyi")
                .doesNotContain("warning");
        assertThat(train.out()).contains("test bound on log p(x):").contains("elbo");

        String config = Files.readString(run.resolve("config.yaml"));
        assertThat(config)
                .contains("encoder: mlp-laplace")
                .contains("objective: renyi")
                .contains("prior: laplace")
                .contains("alpha: '0.5'");
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(metrics).hasSize(4);
        List<String> header = Arrays.asList(metrics.get(0).split(","));
        int bound = header.indexOf("test_bound");
        double first = Double.parseDouble(metrics.get(1).split(",")[bound]);
        double last = Double.parseDouble(metrics.get(3).split(",")[bound]);
        assertThat(last)
                .as("the test bound after 3 epochs, against 1")
                .isGreaterThan(first)
                .isNegative();
        assertThat(arraysIn(run.resolve("checkpoint.zip"), "parameters.npz"))
                .as("the plugin's nn encoder and learned prior scale are saved with the model")
                .contains("encoder.layer0.weight.npy", "encoder.layer1.bias.npy", "prior.log-scale.npy");

        UnpackedGenzoo.Result sample = genzoo.run(work, "sample", run.toString(), "-n", "16", "-o", "s.png");
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(work.resolve("s.png")).isRegularFile();
    }

    @Test
    void brokenPluginsAreReportedWithJarPluginAndReasonAndTheOthersKeepWorking(@TempDir Path work) throws Exception {
        Path listed = Files.createDirectories(work.resolve("listed"));
        Files.writeString(listed.resolve("corrupt.jar"), "this is not a jar");
        byte[] whole = Files.readAllBytes(pluginJar);
        Files.write(listed.resolve("truncated.jar"), Arrays.copyOf(whole, whole.length / 2));
        Path given = Files.createDirectories(work.resolve("given"));
        servicesOnly(given.resolve("missing-class.jar"), "com.example.Missing");
        Path again = Files.createDirectories(given.resolve("renyi-again"));
        try (var jars = Files.list(plugin)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, again.resolve(jar.getFileName()));
            }
        }
        Map<String, String> environment = Map.of("GENZOO_PLUGINS", listed.toString());

        UnpackedGenzoo.Result plugins = genzoo.run(work, environment, "plugins", "--plugins", given.toString());
        assertThat(plugins.code()).as(plugins.err()).isZero();
        String notLoaded = plugins.out().substring(plugins.out().indexOf("not loaded:"));
        assertThat(notLoaded)
                .contains(
                        listed.resolve("corrupt.jar") + ": not a readable jar (",
                        listed.resolve("truncated.jar") + ": not a readable jar (",
                        given.resolve("missing-class.jar")
                                + ": plugin 'com.example.Missing': its class com.example.Missing, named in " + SERVICES
                                + ", is missing",
                        again.resolve(pluginJar.getFileName())
                                + ": plugin 'renyi': a plugin named 'renyi' is already loaded from "
                                + pluginJar.toRealPath() + "; skipped");
        assertThat(plugins.out())
                .contains("plugin renyi (" + pluginJar.toRealPath() + ")")
                .contains("plugin vae (");

        Path run = work.resolve("run");
        UnpackedGenzoo.Result train = genzoo.run(
                work,
                environment,
                "--plugins",
                given.toString(),
                "train",
                "--objective",
                "renyi",
                "-P",
                "hidden=32",
                "--epochs",
                "1",
                "--run-dir",
                run.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err().lines().filter(l -> l.startsWith("genzoo: warning: plugin not loaded: ")))
                .hasSize(4)
                .anySatisfy(l ->
                        assertThat(l).contains(listed.resolve("corrupt.jar").toString()))
                .anySatisfy(l -> assertThat(l).contains("its class com.example.Missing"));
        assertThat(run.resolve("checkpoint.zip")).isRegularFile();
    }

    @Test
    void aPluginsFolderThatIsNotThereIsOneLine(@TempDir Path work) throws Exception {
        UnpackedGenzoo.Result option =
                genzoo.run(work, "--plugins", work.resolve("absent").toString(), "plugins");
        assertThat(option.code()).isEqualTo(1);
        assertThat(option.err().strip())
                .isEqualTo("genzoo: error: plugins folder " + work.resolve("absent") + " does not exist");
        UnpackedGenzoo.Result variable =
                genzoo.run(work, Map.of("GENZOO_PLUGINS", work.resolve("gone").toString()), "plugins");
        assertThat(variable.code()).isEqualTo(1);
        assertThat(variable.err().strip())
                .isEqualTo("genzoo: error: plugins folder " + work.resolve("gone")
                        + ", listed in GENZOO_PLUGINS, is not a folder");
    }

    /** Unzips a plugin's zip into a folder, as its user would. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry " + entry.getName() + " leaves the folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }

    /** A jar that registers a provider class it does not hold. */
    private static void servicesOnly(Path jar, String provider) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(SERVICES));
            out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    /** The entry names of an .npz (itself a zip) inside the checkpoint zip. */
    private static List<String> arraysIn(Path checkpoint, String npz) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(checkpoint);
                ZipInputStream outer = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = outer.getNextEntry()) != null; ) {
                if (entry.getName().equals(npz)) {
                    ZipInputStream inner = new ZipInputStream(outer);
                    for (ZipEntry array; (array = inner.getNextEntry()) != null; ) {
                        names.add(array.getName());
                    }
                }
            }
        }
        return names;
    }
}
