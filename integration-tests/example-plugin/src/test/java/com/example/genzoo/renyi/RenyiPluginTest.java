package com.example.genzoo.renyi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ApiVersion;
import dev.genzoo.testkit.PluginConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The plugin's root: the checks every genzoo plugin meets (genzoo's test kit), its names, and its api version. */
final class RenyiPluginTest {

    @TestFactory
    Stream<DynamicTest> meetsThePluginContract() {
        return PluginConformance.of(new RenyiPlugin())
                .data(new Shape(1, 4, 4))
                .model("mlp-laplace", "laplace", null, "renyi")
                .tests();
    }

    @Test
    void declaresTheApiItWasBuiltForAndItsThreeComponents() {
        RenyiPlugin plugin = new RenyiPlugin();
        assertThat(plugin.name()).isEqualTo("renyi");
        assertThat(ApiVersion.provided().canRun(ApiVersion.parse(plugin.apiVersion()))).isTrue();
        assertThat(plugin.encoders()).extracting(f -> f.name()).containsExactly("mlp-laplace");
        assertThat(plugin.objectives()).extracting(f -> f.name()).containsExactly("renyi");
        assertThat(plugin.priors()).extracting(f -> f.name()).containsExactly("laplace");
    }
}
