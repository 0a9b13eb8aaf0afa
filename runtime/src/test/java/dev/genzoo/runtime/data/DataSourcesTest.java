package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DataSourcesTest {
    private static final String BUILT_IN = "digits, moons, eight-gaussians, checkerboard";

    @Test
    void listsTheBuiltInSourcesDefaultFirst() {
        assertThat(DataSources.builtIn()).containsExactly("digits", "moons", "eight-gaussians", "checkerboard");
        assertThat(DataSources.builtIn().get(0)).isEqualTo(DataSources.DEFAULT);
    }

    @Test
    void misspeltNameSuggestsTheNearestBuiltIn() {
        assertThatThrownBy(() -> DataSources.load("mons"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("unknown data source 'mons': it is neither a built-in source (" + BUILT_IN
                        + ") nor an existing file or directory; did you mean 'moons'?");
        assertThatThrownBy(() -> DataSources.load("eight-gausians"))
                .hasMessageEndingWith("did you mean 'eight-gaussians'?");
        assertThatThrownBy(() -> DataSources.load("digit")).hasMessageEndingWith("did you mean 'digits'?");
    }

    @Test
    void farOffNameGetsNoSuggestion() {
        assertThatThrownBy(() -> DataSources.load("imagenet"))
                .hasMessage("unknown data source 'imagenet': it is neither a built-in source (" + BUILT_IN
                        + ") nor an existing file or directory");
    }

    @Test
    void pathThatDoesNotExistIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("mnist").toString();

        assertThatThrownBy(() -> DataSources.load(missing))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("unknown data source '" + missing + "'")
                .hasMessageContaining("nor an existing file or directory");
    }

    @Test
    void blankSourceIsUnknown() {
        assertThatThrownBy(() -> DataSources.load("  "))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("unknown data source '  '");
    }
}
