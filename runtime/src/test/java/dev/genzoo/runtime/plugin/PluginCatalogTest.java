package dev.genzoo.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.BuildContext;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Role;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.api.options.Options;
import dev.genzoo.plugins.vae.MlpGaussianEncoder;
import dev.genzoo.plugins.vae.VaePlugin;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginCatalogTest {

    @Test
    void findsTheVaePluginOnTheClassPath() {
        PluginCatalog catalog = PluginCatalog.fromClassPath();
        assertThat(catalog.plugins()).contains("vae");
        assertThat(catalog.factories(Role.ENCODER)).containsKey("mlp-gaussian");
        assertThat(catalog.find(Role.OBJECTIVE, "elbo").plugin()).isEqualTo("vae");
        assertThat(catalog.faults()).isEmpty();
    }

    @Test
    void unknownNameSuggestsTheNearest() {
        PluginCatalog catalog = PluginCatalog.of(new VaePlugin());
        assertThatThrownBy(() -> catalog.find(Role.ENCODER, "mlp-gausian"))
                .isInstanceOf(GenzooException.class)
                .hasMessage(
                        "unknown encoder 'mlp-gausian'; did you mean 'mlp-gaussian'? (known: mlp-gaussian, conv-gaussian)");
    }

    @Test
    void aPluginThatThrowsIsAFaultAndTheOthersStillLoad() {
        GenzooPlugin broken = new GenzooPlugin() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<EncoderFactory> encoders() {
                throw new IllegalStateException("cannot start");
            }
        };
        PluginCatalog catalog = PluginCatalog.of(broken, new VaePlugin());
        assertThat(catalog.plugins()).containsExactly("broken", "vae");
        assertThat(catalog.faults()).singleElement().satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("broken");
            assertThat(f.reason()).contains("encoders failed to load").contains("cannot start");
        });
        assertThat(catalog.factories(Role.ENCODER)).containsKey("mlp-gaussian");
    }

    @Test
    void aRepeatedNameIsAFaultNamingBothPluginsAndTheFirstKeepsWorking() {
        GenzooPlugin copy = new GenzooPlugin() {
            @Override
            public String name() {
                return "copycat";
            }

            @Override
            public List<EncoderFactory> encoders() {
                return List.of(new MlpGaussianEncoder.Factory());
            }
        };
        PluginCatalog catalog = PluginCatalog.of(new VaePlugin(), copy);
        assertThat(catalog.faults()).singleElement().satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("copycat");
            assertThat(f.reason())
                    .isEqualTo("encoder 'mlp-gaussian' repeats the name of plugin 'vae' ("
                            + PluginCatalog.sourceOf(VaePlugin.class) + "); not loaded");
        });
        assertThat(catalog.find(Role.ENCODER, "mlp-gaussian").plugin()).isEqualTo("vae");
        assertThat(catalog.find(Role.DECODER, "mlp-bernoulli").plugin()).isEqualTo("vae");
    }

    @Test
    void aRepeatedPluginNameIsSkippedSayingWhereTheFirstCameFrom() {
        PluginCatalog catalog = PluginCatalog.of(new VaePlugin(), new VaePlugin());
        assertThat(catalog.plugins()).containsExactly("vae");
        assertThat(catalog.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.reason())
                        .isEqualTo("a plugin named 'vae' is already loaded from "
                                + PluginCatalog.sourceOf(VaePlugin.class) + "; skipped"));
    }

    @Test
    void aProviderWhoseClassIsMissingIsReportedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(GenzooPlugin.class.getName()), "com.example.Missing\n");
        ClassLoader parent = getClass().getClassLoader();
        URL extra = services.resolve(GenzooPlugin.class.getName()).toUri().toURL();
        ClassLoader loader = new ClassLoader(parent) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals("META-INF/services/" + GenzooPlugin.class.getName())) {
                    List<URL> all = Collections.list(parent.getResources(name));
                    all.add(0, extra);
                    return Collections.enumeration(all);
                }
                return parent.getResources(name);
            }
        };
        PluginCatalog catalog = PluginCatalog.discover(loader, "a test loader");
        assertThat(catalog.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("com.example.Missing"));
        assertThat(catalog.plugins()).contains("vae");
    }

    @Test
    void samplersAreFoundByNameAndARepeatedNameStaysWithTheFirst() {
        GenzooPlugin one = samplerPlugin("one", "ddim");
        GenzooPlugin two = samplerPlugin("two", "ddim");
        PluginCatalog catalog = PluginCatalog.of(one, two, samplerPlugin("three", "ancestral"));

        assertThat(catalog.samplers()).containsOnlyKeys("ddim", "ancestral");
        assertThat(catalog.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.reason())
                        .isEqualTo("sampler 'ddim' repeats the name of plugin 'one' ("
                                + catalog.samplers().get("ddim").source() + "); not loaded"));
        assertThat(catalog.findSampler("ancestral").plugin()).isEqualTo("three");
        assertThat(catalog.findSampler("ddim").plugin()).isEqualTo("one");
        assertThatThrownBy(() -> catalog.findSampler("dim"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("unknown sampler 'dim'; did you mean 'ddim'? (known: ddim, ancestral)");
        assertThatThrownBy(() -> PluginCatalog.of(new VaePlugin()).findSampler("ddim"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("unknown sampler 'ddim'; no sampler is installed (searched the given plugins)");
    }

    private static GenzooPlugin samplerPlugin(String name, String sampler) {
        return new GenzooPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<SamplerFactory> samplers() {
                return List.of(new SamplerFactory() {
                    @Override
                    public String name() {
                        return sampler;
                    }

                    @Override
                    public String description() {
                        return "a sampler that draws nothing";
                    }

                    @Override
                    public Sampler create(Options options, BuildContext context) {
                        throw new UnsupportedOperationException();
                    }
                });
            }
        };
    }
}
