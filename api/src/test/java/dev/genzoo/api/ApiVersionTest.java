package dev.genzoo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ApiVersion}: reading, writing, and which plugins a genzoo can run. */
final class ApiVersionTest {

    @Test
    void theCurrentVersionReadsAndWritesBack() {
        assertThat(ApiVersion.provided().toString()).isEqualTo(ApiVersion.CURRENT);
        assertThat(ApiVersion.parse("12.3")).isEqualTo(new ApiVersion(12, 3));
        assertThat(ApiVersion.parse(" 2.10 ").toString()).isEqualTo("2.10");
    }

    @Test
    void aPluginRunsOnTheSameMajorVersionWithAtLeastItsMinor() {
        ApiVersion genzoo = new ApiVersion(1, 2);
        assertThat(genzoo.canRun(new ApiVersion(1, 0))).isTrue();
        assertThat(genzoo.canRun(new ApiVersion(1, 2))).isTrue();
        assertThat(genzoo.canRun(new ApiVersion(1, 3)))
                .as("built on additions this genzoo lacks")
                .isFalse();
        assertThat(genzoo.canRun(new ApiVersion(2, 0))).isFalse();
        assertThat(new ApiVersion(2, 5).canRun(new ApiVersion(1, 0)))
                .as("a new major version broke it")
                .isFalse();
    }

    @Test
    void malformedVersionsAreRefused() {
        for (String text : new String[] {"", "1", "1.0.0", "v1.0", "1.x", "-1.0", "1.-2", "0.5", "1..0"}) {
            assertThatThrownBy(() -> ApiVersion.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPluginThatSaysNothingDeclaresTheEmptyVersion() {
        GenzooPlugin silent = () -> "silent";
        assertThat(silent.apiVersion()).isEmpty();
    }
}
