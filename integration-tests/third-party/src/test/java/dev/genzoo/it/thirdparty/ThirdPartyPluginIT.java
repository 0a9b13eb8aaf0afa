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
 * The promise to plugin authors, end to end: a plugin built against the api artifact alone (the
 * example in integration-tests/example-plugin, built by maven-invoker-plugin before this test),
 * dropped into the packaged distribution's plugins/ folder, is listed by {@code genzoo plugins} and
 * trains a model from the command line; broken plugins beside it are reported, jar, plugin and
 * reason, and change nothing else; and no folder but those named is searched.
 */
final class ThirdPartyPluginIT {
    private static final String SERVICES = "META-INF/services/dev.genzoo.api.GenzooPlugin";

    @TempDir
    static Path unpacked;

    private static UnpackedGenzoo genzoo;
    private static Path plugin;

    @BeforeAll
    static void installTheExamplePlugin() throws Exception {
        genzoo = UnpackedGenzoo.unpack(unpacked);
        Path built = Path.of(System.getProperty("example.plugin.jar"));
        assertThat(built)
                .as("the example plugin's jar, built by maven-invoker-plugin")
                .isRegularFile();
        plugin = Files.copy(built, genzoo.plugins().resolve(built.getFileName()));
    }

    @Test
    void theDistributionHasItsLauncherLibrariesAndAPluginsFolder() throws Exception {
        assertThat(genzoo.home().getFileName().toString()).startsWith("genzoo-");
        assertThat(Files.isExecutable(genzoo.home().resolve("bin/genzoo"))).isTrue();
        assertThat(genzoo.home().resolve("lib"))
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("genzoo-cli"));
        assertThat(genzoo.plugins()).isDirectory();
        try (var files = Files.list(genzoo.plugins())) {
            assertThat(files.toList()).as("only what this test installed").containsExactly(plugin);
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
                .containsPattern("(?m)^  renyi +built for api 1\\.\\d+ +" + plugin.toRealPath() + "$")
                .contains("laplace ")
                .contains("plugin renyi (" + plugin.toRealPath() + ")")
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
                .contains("prior laplace")
                .contains("objective renyi")
                .doesNotContain("warning");
        assertThat(train.out()).contains("test bound on log p(x):").contains("elbo");

        String config = Files.readString(run.resolve("config.yaml"));
        assertThat(config)
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
                .as("the plugin's learned prior scale is saved with the model")
                .contains("prior.log-scale.npy");

        UnpackedGenzoo.Result sample = genzoo.run(work, "sample", run.toString(), "-n", "16", "-o", "s.png");
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(work.resolve("s.png")).isRegularFile();
    }

    @Test
    void brokenPluginsAreReportedWithJarPluginAndReasonAndTheOthersKeepWorking(@TempDir Path work) throws Exception {
        Path listed = Files.createDirectories(work.resolve("listed"));
        Files.writeString(listed.resolve("corrupt.jar"), "this is not a jar");
        byte[] whole = Files.readAllBytes(plugin);
        Files.write(listed.resolve("truncated.jar"), Arrays.copyOf(whole, whole.length / 2));
        Path given = Files.createDirectories(work.resolve("given"));
        servicesOnly(given.resolve("missing-class.jar"), "com.example.Missing");
        Files.copy(plugin, given.resolve("renyi-again.jar"));
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
                        given.resolve("renyi-again.jar")
                                + ": plugin 'renyi': a plugin named 'renyi' is already loaded from "
                                + plugin.toRealPath() + "; skipped");
        assertThat(plugins.out())
                .contains("plugin renyi (" + plugin.toRealPath() + ")")
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
