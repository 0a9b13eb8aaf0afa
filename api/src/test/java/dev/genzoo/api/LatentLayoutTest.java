package dev.genzoo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Latent layouts: blocks tile the vector in order, and slicing, splitting and joining agree with them. */
final class LatentLayoutTest {

    @Test
    void layersTileTheVectorFromZ1Up() {
        LatentLayout layout = LatentLayout.layers(3, 2, 1);
        assertThat(layout.shape()).isEqualTo(new Shape(6));
        assertThat(layout.names()).containsExactly("z1", "z2", "z3");
        assertThat(layout.block("z2")).isEqualTo(new LatentLayout.Block("z2", 2, 3));
        assertThat(layout.block("z3").offset()).isEqualTo(5);
        assertThat(layout.isLayered()).isTrue();
        assertThat(layout).hasToString("z1 (3), z2 (2), z3 (1)");
        assertThat(layout).isEqualTo(LatentLayout.layers(3, 2, 1)).isNotEqualTo(LatentLayout.layers(2, 3, 1));
    }

    @Test
    void slicesSplitsAndJoinsAlongTheLastAxisWhateverTheLeadingAxes() {
        LatentLayout layout = LatentLayout.layers(3, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray z = manager.arange(60f).reshape(6, 2, 5);
            NDArray z2 = layout.slice(z, "z2");
            assertThat(z2.getShape()).isEqualTo(new Shape(6, 2, 2));
            assertThat(z2.toFloatArray()).startsWith(3f, 4f, 8f, 9f);
            NDList parts = layout.split(z);
            assertThat(parts.get(0).getShape()).isEqualTo(new Shape(6, 2, 3));
            assertThat(parts.get(1).toFloatArray()).isEqualTo(z2.toFloatArray());
            assertThat(layout.join(parts).toFloatArray()).isEqualTo(z.toFloatArray());
        }
    }

    @Test
    void aLatentWithoutNamedPartsIsOneBlockOfAnyShape() {
        LatentLayout layout = LatentLayout.whole(new Shape(4, 7, 7));
        assertThat(layout.names()).containsExactly(LatentLayout.WHOLE);
        assertThat(layout.block("z").size()).isEqualTo(196);
        assertThat(layout.isLayered()).isFalse();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray z = manager.zeros(new Shape(2, 4, 7, 7));
            assertThat(layout.slice(z, "z")).isSameAs(z);
            assertThat(layout.join(layout.split(z))).isSameAs(z);
        }
    }

    @Test
    void anEncoderHasOneWholeBlockUnlessItSaysOtherwise() {
        Encoder plain = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.DENSITY;
            }

            @Override
            public Shape latentShape() {
                return new Shape(20);
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(plain.latentLayout()).isEqualTo(LatentLayout.whole(new Shape(20)));
        try (NDManager manager = NDManager.newBaseManager()) {
            BuildContext context = BuildContext.of(manager, new Shape(4));
            assertThatThrownBy(context::latentLayout).isInstanceOf(IllegalStateException.class);
            assertThat(context.withEncoder(plain).latentLayout().names()).containsExactly("z");
        }
    }

    @Test
    void badBlocksAreRefused() {
        Map<String, Long> twice = new LinkedHashMap<>();
        twice.put("Top", 2L);
        assertThatThrownBy(() -> LatentLayout.vector(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Top' cannot name a latent block");
        assertThatThrownBy(() -> LatentLayout.layers(3, 0)).hasMessageContaining("needs a size of at least 1");
        assertThatThrownBy(() -> LatentLayout.vector(Map.of())).hasMessage("a latent layout needs at least one block");
        assertThatThrownBy(() -> LatentLayout.layers(2).block("z9"))
                .hasMessage("the latent has no block 'z9' (it has [z1])");
    }
}
