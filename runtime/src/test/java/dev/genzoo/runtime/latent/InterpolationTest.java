package dev.genzoo.runtime.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Paths between codes checked against their closed forms. */
final class InterpolationTest {
    private static float[] point(float[] path, int i, int d) {
        return Arrays.copyOfRange(path, i * d, (i + 1) * d);
    }

    @Test
    void bothPathsStartAndEndExactlyAtTheCodes() {
        float[] z1 = {0.3f, -1.7f, 2.2f};
        float[] z2 = {-0.9f, 0.4f, 1.1f};
        for (boolean spherical : new boolean[] {false, true}) {
            float[] path = Interpolation.path(z1, z2, 7, spherical);
            assertThat(point(path, 0, 3)).containsExactly(z1);
            assertThat(point(path, 6, 3)).containsExactly(z2);
        }
    }

    @Test
    void theLinearPathIsTheChord() {
        float[] path = Interpolation.path(new float[] {0, 4}, new float[] {2, 0}, 5, false);
        assertThat(point(path, 1, 2)).containsExactly(0.5f, 3f);
        assertThat(point(path, 2, 2)).containsExactly(1f, 2f);
    }

    @Test
    void theSphericalPathBetweenOrthogonalUnitCodesStaysOnTheCircle() {
        float[] path = Interpolation.path(new float[] {1, 0}, new float[] {0, 1}, 5, true);
        for (int i = 0; i < 5; i++) {
            double angle = Math.PI / 2 * i / 4;
            assertThat((double) path[2 * i]).isCloseTo(Math.cos(angle), within(1e-6));
            assertThat((double) path[2 * i + 1]).isCloseTo(Math.sin(angle), within(1e-6));
        }
    }

    @Test
    void parallelCodesFallBackToTheChord() {
        float[] path = Interpolation.path(new float[] {1, 1}, new float[] {2, 2}, 3, true);
        assertThat(point(path, 1, 2)).containsExactly(1.5f, 1.5f);
    }

    @Test
    void aTraversalSetsOneDimensionAtATimeOverTheRange() {
        float[] walk = Interpolation.traversal(new float[] {5, 6, 7}, new int[] {2, 0}, 3, 2.0);
        assertThat(walk)
                .containsExactly(
                        5, 6, -2, 5, 6, 0, 5, 6, 2, //
                        -2, 6, 7, 0, 6, 7, 2, 6, 7);
    }
}
