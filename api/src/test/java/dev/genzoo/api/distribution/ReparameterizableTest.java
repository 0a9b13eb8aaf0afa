package dev.genzoo.api.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * {@link Reparameterizable} (api 1.2): a distribution that implements only {@code rsample} has a
 * reparameterized draw and samples it with the gradient path cut.
 */
final class ReparameterizableTest {

    /** Draws loc + 1, 2, 3, ... through which gradients reach loc; implements no sample of its own. */
    private static final class Shifted implements Reparameterizable {
        private final NDArray loc;

        Shifted(NDArray loc) {
            this.loc = loc;
        }

        @Override
        public Shape batchShape() {
            return new Shape();
        }

        @Override
        public Shape eventShape() {
            return loc.getShape();
        }

        @Override
        public NDArray rsample(Shape sampleShape) {
            Shape shape = sampleShape.addAll(loc.getShape());
            return loc.add(loc.getManager().arange(1f, shape.size() + 1f).reshape(shape));
        }

        @Override
        public NDArray logProb(NDArray value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDArray mean() {
            return loc;
        }
    }

    @Test
    void aReparameterizedDistributionSamplesItsDrawWithoutTheGradientPath() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray loc = manager.create(new float[] {10f, 20f});
            loc.setRequiresGradient(true);
            Shifted shifted = new Shifted(loc);
            assertThat(shifted.hasRsample()).isTrue();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray drawn = shifted.sample(new Shape(2));
                assertThat(drawn.getShape()).isEqualTo(new Shape(2, 2));
                assertThat(drawn.toFloatArray()).containsExactly(11f, 22f, 13f, 24f);
                NDArray reparameterized = shifted.rsample(new Shape(2));
                collector.backward(drawn.sum().add(reparameterized.sum()));
            }
            assertThat(loc.getGradient().toFloatArray())
                    .as("only the reparameterized draw reaches loc, once per sample")
                    .containsExactly(2f, 2f);
        }
    }
}
