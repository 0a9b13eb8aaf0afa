package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ToySetsTest {
    @ParameterizedTest
    @ValueSource(strings = {"moons", "eight-gaussians", "checkerboard"})
    void tenThousandTrainAndTwoThousandTestPointsInThePlane(String name) {
        DataSplit split = DataSources.load(name);

        assertThat(split.train().size()).isEqualTo(10_000);
        assertThat(split.test().size()).isEqualTo(2_000);
        assertThat(split.train().exampleShape().getShape()).containsExactly(2);
        assertThat(split.train().name()).isEqualTo(name);
        assertThat(split.train().labels()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"moons", "eight-gaussians", "checkerboard"})
    void everyLoadDrawsTheSamePoints(String name) {
        DataSplit once = DataSources.load(name);
        DataSplit again = DataSources.load(name);

        assertThat(again.train().values()).isEqualTo(once.train().values());
        assertThat(again.test().values()).isEqualTo(once.test().values());
        assertThat(again.train().values()).isNotSameAs(once.train().values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"moons", "eight-gaussians", "checkerboard"})
    void testPointsAreFreshDraws(String name) {
        DataSplit split = DataSources.load(name);
        float[] trainStart = Arrays.copyOf(split.train().values(), split.test().values().length);

        assertThat(split.test().values()).isNotEqualTo(trainStart);
    }
}
