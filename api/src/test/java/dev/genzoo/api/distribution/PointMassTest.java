package dev.genzoo.api.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PointMass}: every draw is the point, and asking for a density is an error. */
final class PointMassTest {
    private static final float[] POINT = {1.5f, -2f, 0f, 4f, 0.25f, -0.5f};

    private NDManager manager;
    private PointMass pointMass;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        pointMass = new PointMass(manager.create(POINT, new Shape(2, 3)), 1);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void oneDrawIsThePoint() {
        assertThat(pointMass.sample().getShape()).isEqualTo(new Shape(2, 3));
        assertThat(pointMass.sample().toFloatArray()).containsExactly(POINT);
        assertThat(pointMass.rsample(new Shape()).toFloatArray()).containsExactly(POINT);
        assertThat(pointMass.mean().toFloatArray()).containsExactly(POINT);
    }

    @Test
    void severalDrawsRepeatThePoint() {
        NDArray draws = pointMass.sample(new Shape(4));

        assertThat(draws.getShape()).isEqualTo(new Shape(4, 2, 3));
        float[] values = draws.toFloatArray();
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < POINT.length; i++) {
                assertThat(values[s * POINT.length + i]).isEqualTo(POINT[i]);
            }
        }
    }

    @Test
    void shapesSplitAtTheEventRank() {
        assertThat(pointMass.batchShape()).isEqualTo(new Shape(2));
        assertThat(pointMass.eventShape()).isEqualTo(new Shape(3));
        assertThat(pointMass.hasRsample()).isTrue();
    }

    @Test
    void hasNoDensity() {
        NDArray value = manager.create(POINT, new Shape(2, 3));

        assertThatThrownBy(() -> pointMass.logProb(value))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no density");
        assertThat(pointMass.klDivergence(pointMass)).isEmpty();
    }

    @Test
    void refusesAnEventRankLargerThanTheValue() {
        NDArray value = manager.create(POINT, new Shape(2, 3));

        assertThatThrownBy(() -> new PointMass(value, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)");
    }
}
