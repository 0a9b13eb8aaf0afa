package com.example.genzoo.renyi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.api.ApiVersion;
import org.junit.jupiter.api.Test;

/** The plugin's root: its names, and the api version compiled into it. */
final class RenyiPluginTest {

    @Test
    void declaresTheApiItWasBuiltForAndItsTwoComponents() {
        RenyiPlugin plugin = new RenyiPlugin();
        assertThat(plugin.name()).isEqualTo("renyi");
        assertThat(ApiVersion.provided().canRun(ApiVersion.parse(plugin.apiVersion()))).isTrue();
        assertThat(plugin.objectives()).extracting(f -> f.name()).containsExactly("renyi");
        assertThat(plugin.priors()).extracting(f -> f.name()).containsExactly("laplace");
    }
}
