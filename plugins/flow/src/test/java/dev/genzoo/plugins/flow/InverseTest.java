package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.StepContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** inverse(forward(x)) == x to 1e-5, for every invertible flow, and through encoder and decoder. */
final class InverseTest {
    private static final int N = 64;

    @Test
    void realNvpOnPoints() {
        try (Fixtures f = new Fixtures(1)) {
            Flow flow = f.flow(new RealNvpRecipe(), Map.of(), new Shape(2), true);
            assertRoundTrip(f, flow, new Shape(N, 2), 1.0);
        }
    }

    @Test
    void realNvpOnImagesWithLogitPreprocessing() {
        try (Fixtures f = new Fixtures(2)) {
            Flow flow = f.flow(
                    new RealNvpRecipe(),
                    Map.of("couplings", "4", "hidden", "32", "logit-alpha", "0.05", "scale-bound", "2"),
                    new Shape(1, 4, 4),
                    true);
            f.perturb(flow.parameters(), 0.2f);
            float[] pixels = new float[N * 16];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = ((i * 7919) % 1000) / 1000f;
            }
            NDArray x = f.array(pixels, new Shape(N, 1, 4, 4));
            assertRoundTrip(f, flow, x);
        }
    }

    @Test
    void mafInBothOrders() {
        try (Fixtures f = new Fixtures(3)) {
            Flow flow = f.flow(new MafRecipe(), Map.of("layers", "4", "hidden", "16,16"), new Shape(5), false);
            assertRoundTrip(f, flow, new Shape(N, 5), 1.0);
        }
    }

    @Test
    void planarStepsCannotBeInverted() {
        try (Fixtures f = new Fixtures(4)) {
            PlanarStep step = new PlanarStep(f.manager, 3);
            assertThatThrownBy(() -> step.inverse(f.manager.zeros(new Shape(1, 3)), f.evaluation()))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void theFlowInverseDecoderUndoesItsEncoder() {
        try (Fixtures f = new Fixtures(5)) {
            BuildContext context = BuildContext.of(f.manager, new Shape(3));
            Encoder encoder = f.create(new FlowEncoder.Factory(new MafRecipe()), Map.of("layers", "2"), context);
            Decoder decoder = f.create(new FlowInverseDecoder.Factory(), Map.of(), context.withEncoder(encoder));
            f.perturb(encoder.parameters(), 0.3f);
            StepContext c = f.evaluation();
            NDArray x = f.array(Fixtures.normalRows(N, 3, 9, 1.0), new Shape(N, 3));
            NDArray z = ((Encoding.Bijection) encoder.encode(x, c)).z();
            assertThat(maxDifference(z, x)).as("the encoder moved the points").isGreaterThan(0.05);
            NDArray back = decoder.decode(z.reshape(2, N / 2, 3), c).mean();
            assertThat(back.getShape()).isEqualTo(new Shape(2, N / 2, 3));
            assertThat(maxDifference(back.reshape(N, 3), x)).isLessThan(1e-5);
        }
    }

    private static void assertRoundTrip(Fixtures f, Flow flow, Shape shape, double spread) {
        f.perturb(flow.parameters(), 0.3f);
        NDArray x = f.array(Fixtures.normalRows((int) shape.get(0), (int) shape.get(1), 17, spread), shape);
        assertRoundTrip(f, flow, x);
    }

    private static void assertRoundTrip(Fixtures f, Flow flow, NDArray x) {
        StepContext c = f.evaluation();
        NDArray z = flow.forward(x, c).value();
        assertThat(maxDifference(z, x)).as("the flow moved the points").isGreaterThan(0.05);
        NDArray back = flow.inverse(z, c);
        assertThat(back.getShape()).isEqualTo(x.getShape());
        assertThat(maxDifference(back, x)).isLessThan(1e-5);
    }

    private static double maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }
}
