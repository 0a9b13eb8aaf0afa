package dev.genzoo.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Role;
import dev.genzoo.plugins.vae.VaePlugin;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins in plugins folders: each jar or sub-folder in a class loader of its own that sees
 * genzoo's api and DJL's and nothing else, with its own copy of its libraries; and every way a
 * plugin can fail to load reported with jar, plugin and reason while the others keep working.
 */
final class PluginFoldersTest {
    @TempDir
    static Path built;

    /** Classes of every test plugin that needs no library. */
    private static Path plugins;
    /** A library class com.example.lib.Greeting saying "one", and a plugin that ships it. */
    private static Path one;
    /** The same library class saying "two", and a plugin that uses it. */
    private static Path two;

    /** A plugin named {@code name} in package {@code com.example.<pkg>} with one prior. */
    private static String plugin(
            String pkg, String name, String version, String constructor, String prior, String description) {
        return """
                package com.example.%s;

                import dev.genzoo.api.*;
                import dev.genzoo.api.options.Options;
                import java.util.List;

                public final class Plugin implements GenzooPlugin {
                    public Plugin() { %s }
                    @Override public String name() { return "%s"; }
                    %s
                    @Override public List<PriorFactory> priors() {
                        return List.of(new PriorFactory() {
                            @Override public String name() { return "%s"; }
                            @Override public String description() { return %s; }
                            @Override public Prior create(Options options, BuildContext context) {
                                throw new GenzooException("a test prior");
                            }
                        });
                    }
                }
                """.formatted(
                        pkg,
                        constructor,
                        name,
                        version == null ? "" : "@Override public String apiVersion() { return " + version + "; }",
                        prior,
                        description);
    }

    private static String greeting(String text) {
        return "package com.example.lib; public final class Greeting { public static String text() { return \"" + text
                + "\"; } }";
    }

    @BeforeAll
    static void compilePlugins() throws IOException {
        plugins = PluginJars.compile(
                built.resolve("plugins"),
                Map.of(
                        "com.example.good.Plugin",
                                plugin("good", "good", "ApiVersion.CURRENT", "", "good-prior", "\"a good prior\""),
                        "com.example.throwing.Plugin",
                                plugin(
                                        "throwing",
                                        "throwing",
                                        "ApiVersion.CURRENT",
                                        "throw new IllegalStateException(\"no licence key\");",
                                        "t-prior",
                                        "\"\""),
                        "com.example.copy.Plugin",
                                plugin("copy", "vae", "ApiVersion.CURRENT", "", "copy-prior", "\"\""),
                        "com.example.clash.Plugin",
                                plugin("clash", "clash", "ApiVersion.CURRENT", "", "standard-normal", "\"\""),
                        "com.example.newer.Plugin", plugin("newer", "newer", "\"1.99\"", "", "newer-prior", "\"\""),
                        "com.example.major.Plugin", plugin("major", "major", "\"2.0\"", "", "major-prior", "\"\""),
                        "com.example.silent.Plugin", plugin("silent", "silent", null, "", "silent-prior", "\"\"")));
        one = PluginJars.compile(
                built.resolve("one"),
                Map.of(
                        "com.example.lib.Greeting", greeting("one"),
                        "com.example.one.Plugin",
                                plugin(
                                        "one",
                                        "one",
                                        "ApiVersion.CURRENT",
                                        "",
                                        "one-prior",
                                        "com.example.lib.Greeting.text()")));
        Path library =
                PluginJars.compile(built.resolve("two-lib"), Map.of("com.example.lib.Greeting", greeting("two")));
        two = PluginJars.compile(
                built.resolve("two"),
                Map.of(
                        "com.example.two.Plugin",
                        plugin("two", "two", "ApiVersion.CURRENT", "", "two-prior", "com.example.lib.Greeting.text()")),
                library);
        PluginJars.jar(built.resolve("two-lib.jar"), library, List.of());
    }

    private static Path jar(Path folder, String file, Path classes, String pkg) throws IOException {
        return PluginJars.jar(
                folder.resolve(file),
                classes,
                List.of("com.example." + pkg + ".Plugin"),
                "com.example." + pkg + ".Plugin");
    }

    /**
     * The plugins on the class path (vae, and any other family the runtime's tests depend
     * on), followed by the given ones from folders.
     */
    private static String[] bundledAnd(String... fromFolders) {
        List<String> names = new ArrayList<>(PluginCatalog.fromClassPath().plugins());
        assertThat(names).contains("vae");
        names.addAll(List.of(fromFolders));
        return names.toArray(new String[0]);
    }

    private static PluginFault faultOf(PluginCatalog catalog, String file) {
        return catalog.faults().stream()
                .filter(f -> f.source().endsWith(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fault for " + file + " in " + catalog.faults()));
    }

    @Test
    void aPluginInAFolderLoadsBesideTheBundledOnes(@TempDir Path folder) throws IOException {
        Path jar = jar(folder, "good.jar", plugins, "good");
        PluginCatalog catalog = PluginCatalog.discover(List.of(folder));
        assertThat(catalog.faults()).isEmpty();
        assertThat(catalog.plugins()).containsExactly(bundledAnd("good"));
        Registered prior = catalog.find(Role.PRIOR, "good-prior");
        assertThat(prior.plugin()).isEqualTo("good");
        assertThat(prior.source()).isEqualTo(jar.toString());
        assertThat(prior.factory().description()).isEqualTo("a good prior");
        assertThat(catalog.loaded()).contains(new LoadedPlugin("good", jar.toString(), ApiVersion.CURRENT));
        assertThat(catalog.find(Role.ENCODER, "mlp-gaussian").plugin()).isEqualTo("vae");
        assertThat(catalog.searched()).isEqualTo("genzoo's own jars and the plugins folders " + folder);
    }

    @Test
    void aPluginSeesTheApiAndDjlButNothingElseOfGenzoo(@TempDir Path folder) throws Exception {
        jar(folder, "good.jar", plugins, "good");
        jar(folder, "one.jar", one, "one");
        PluginCatalog catalog = PluginCatalog.discover(List.of(folder));
        ClassLoader loader =
                catalog.find(Role.PRIOR, "good-prior").factory().getClass().getClassLoader();
        assertThat(loader).isNotSameAs(GenzooPlugin.class.getClassLoader());

        assertThat(loader.loadClass(GenzooPlugin.class.getName())).isSameAs(GenzooPlugin.class);
        assertThat(loader.loadClass(NDArray.class.getName())).isSameAs(NDArray.class);
        assertThat(loader.loadClass("java.util.List")).isSameAs(List.class);
        for (String hidden : List.of(
                PluginCatalog.class.getName(),
                "ai.djl.pytorch.engine.PtNDArray",
                "com.google.inject.Guice",
                "org.yaml.snakeyaml.Yaml",
                "dev.genzoo.plugins.vae.VaePlugin",
                "com.example.one.Plugin")) {
            assertThatThrownBy(() -> Class.forName(hidden, false, loader))
                    .as(hidden)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        List<URL> services = Collections.list(loader.getResources(PluginArchive.SERVICES));
        assertThat(services)
                .singleElement()
                .satisfies(url -> assertThat(url.toString()).contains("good.jar"));
    }

    @Test
    void eachPluginHasItsOwnCopyOfItsLibraryInsideItsJarOrBesideIt(@TempDir Path folder) throws IOException {
        PluginJars.jar(folder.resolve("one.jar"), one, List.of(), "com.example.one.Plugin");
        jar(folder.resolve("two"), "two.jar", two, "two");
        Files.createDirectories(folder.resolve("two/lib"));
        Files.copy(built.resolve("two-lib.jar"), folder.resolve("two/lib/greeting.jar"));

        PluginCatalog catalog = PluginCatalog.discover(List.of(folder));
        assertThat(catalog.faults()).isEmpty();
        assertThat(catalog.find(Role.PRIOR, "one-prior").factory().description())
                .isEqualTo("one");
        assertThat(catalog.find(Role.PRIOR, "two-prior").factory().description())
                .isEqualTo("two");
        assertThat(catalog.find(Role.PRIOR, "two-prior").source())
                .isEqualTo(folder.resolve("two/two.jar").toString());
    }

    @Test
    void everyFaultNamesJarPluginAndReasonAndTheOtherPluginsKeepWorking(@TempDir Path folder) throws IOException {
        Path good = jar(folder, "good.jar", plugins, "good");
        Files.writeString(folder.resolve("corrupt.jar"), "this is not a jar");
        byte[] whole = Files.readAllBytes(good);
        Files.write(folder.resolve("truncated.jar"), Arrays.copyOf(whole, whole.length / 2));
        PluginJars.jar(
                folder.resolve("missing-class.jar"),
                plugins,
                List.of("com.example.good.Plugin"),
                "com.example.Missing");
        jar(folder, "throwing.jar", plugins, "throwing");
        jar(folder, "copy.jar", plugins, "copy");
        jar(folder, "clash.jar", plugins, "clash");
        jar(folder, "newer.jar", plugins, "newer");
        jar(folder, "major.jar", plugins, "major");
        jar(folder, "silent.jar", plugins, "silent");
        jar(folder, "needs-library.jar", one, "one");
        Files.copy(built.resolve("two-lib.jar"), folder.resolve("library-only.jar"));
        Files.writeString(folder.resolve("notes.txt"), "not a plugin, and ignored");

        PluginCatalog catalog = PluginCatalog.discover(List.of(folder));

        assertThat(faultOf(catalog, "corrupt.jar").reason()).startsWith("not a readable jar (");
        assertThat(faultOf(catalog, "truncated.jar").reason()).startsWith("not a readable jar (");
        assertThat(faultOf(catalog, "corrupt.jar").toString())
                .isEqualTo(folder.resolve("corrupt.jar") + ": not a readable jar (zip END header not found)");
        assertThat(faultOf(catalog, "missing-class.jar")).satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("com.example.Missing");
            assertThat(f.reason())
                    .isEqualTo("its class com.example.Missing, named in " + PluginArchive.SERVICES + ", is missing");
        });
        assertThat(faultOf(catalog, "throwing.jar")).satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("com.example.throwing.Plugin");
            assertThat(f.reason()).isEqualTo("its constructor threw java.lang.IllegalStateException: no licence key");
        });
        assertThat(faultOf(catalog, "copy.jar")).satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("vae");
            assertThat(f.reason())
                    .isEqualTo("a plugin named 'vae' is already loaded from " + PluginCatalog.sourceOf(VaePlugin.class)
                            + "; skipped");
        });
        assertThat(faultOf(catalog, "clash.jar")).satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("clash");
            assertThat(f.reason()).startsWith("prior 'standard-normal' repeats the name of plugin 'vae' (");
        });
        assertThat(faultOf(catalog, "newer.jar")).satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("newer");
            assertThat(f.reason())
                    .isEqualTo("it was built for genzoo api 1.99, and this genzoo provides api " + ApiVersion.CURRENT
                            + ", which runs plugins built for api 1.0 to " + ApiVersion.CURRENT + " only");
        });
        assertThat(faultOf(catalog, "newer.jar").toString())
                .startsWith(folder.resolve("newer.jar") + ": plugin 'newer': it was built for genzoo api 1.99");
        assertThat(faultOf(catalog, "major.jar").reason())
                .contains("built for genzoo api 2.0")
                .contains("provides api 1.");
        assertThat(faultOf(catalog, "silent.jar").reason())
                .isEqualTo("it does not declare the genzoo api version it was built for (its plugin class must"
                        + " override apiVersion() to return ApiVersion.CURRENT)");
        assertThat(faultOf(catalog, "needs-library.jar")).satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("one");
            assertThat(f.reason())
                    .isEqualTo("prior 'one-prior' failed to load: class com.example.lib.Greeting is"
                            + " missing (a library the plugin needs is neither in its jar nor beside it)");
        });
        assertThat(faultOf(catalog, "library-only.jar").reason())
                .isEqualTo("no jar here registers a plugin (it needs " + PluginArchive.SERVICES + ")");
        assertThat(catalog.faults()).hasSize(11);

        assertThat(catalog.plugins()).containsExactly(bundledAnd("clash", "good", "one"));
        assertThat(catalog.find(Role.PRIOR, "good-prior").plugin()).isEqualTo("good");
        assertThat(catalog.find(Role.PRIOR, "standard-normal").plugin()).isEqualTo("vae");
        assertThat(catalog.find(Role.OBJECTIVE, "elbo").plugin()).isEqualTo("vae");
    }

    @Test
    void aFolderNamedTwiceIsSearchedOnce(@TempDir Path folder) throws IOException {
        jar(folder, "good.jar", plugins, "good");
        Path again = folder.resolve("../" + folder.getFileName());
        PluginCatalog catalog = PluginCatalog.discover(List.of(folder, again));
        assertThat(catalog.faults()).isEmpty();
        assertThat(catalog.plugins()).containsExactly(bundledAnd("good"));
    }

    @Test
    void aFolderThatIsNotThereIsOneSentence(@TempDir Path dir) throws IOException {
        Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> PluginCatalog.discover(List.of(absent)))
                .isInstanceOf(GenzooException.class)
                .hasMessage("plugins folder " + absent + " does not exist");
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThatThrownBy(() -> PluginCatalog.discover(List.of(file)))
                .isInstanceOf(GenzooException.class)
                .hasMessage("plugins folder " + file + " is not a folder");
    }
}
