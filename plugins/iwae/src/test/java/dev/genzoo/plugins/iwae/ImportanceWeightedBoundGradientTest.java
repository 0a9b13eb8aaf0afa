package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gradient of the {@code iwae} loss (K = 4) with respect to every parameter of the encoder and
 * decoder against central finite differences of the loss on the same noise (the engine is reseeded
 * before every evaluation). Between forward and backward the garbage collector runs and freed
 * direct memory is overwritten, so a factor autograd kept in a Java-owned buffer would show up.
 */
final class ImportanceWeightedBoundGradientTest {
    private static final int SEED = 23;
    private static final int B = 3;
    private static final float STEP = 1e-2f;

    @Test
    void matchesFiniteDifferences() {
        try (LinearModel m = new LinearModel(12, 1.5f)) {
            ImportanceWeightedBound objective = new ImportanceWeightedBound(4);
            float[] batch = LinearModel.binaryBatch(B);
            try (NDManager scope = m.manager.newSubManager()) {
                Engine.getInstance().setRandomSeed(SEED);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = objective
                            .evaluate(LinearModel.vectors(scope, batch), m.model, m.training(scope))
                            .loss();
                    List<ByteBuffer> scribbles = scribbleOverFreedMemory();
                    collector.backward(loss);
                    assertThat(scribbles).isNotEmpty();
                }
            }

            int checked = 0;
            for (Parameter parameter : List.of(m.a, m.aBias, m.s, m.sBias, m.w, m.c)) {
                NDArray array = parameter.getArray();
                float[] gradient = array.getGradient().toFloatArray();
                double norm = 0;
                for (int i = 0; i < gradient.length; i++) {
                    NDIndex at = new NDIndex(flatIndex(array, i));
                    float original = array.getFloat(flatIndex(array, i));
                    array.set(at, original + STEP);
                    double up = loss(m, objective, batch);
                    array.set(at, original - STEP);
                    double down = loss(m, objective, batch);
                    array.set(at, original);
                    double difference = (up - down) / (2 * STEP);
                    assertThat((double) gradient[i])
                            .as("d loss / d %s[%d]", parameter.getName(), i)
                            .isCloseTo(difference, within(2e-3 + 0.02 * Math.abs(difference)));
                    norm += difference * difference;
                    checked++;
                }
                assertThat(norm).as("%s gets a gradient", parameter.getName()).isGreaterThan(1e-6);
            }
            assertThat(checked).isEqualTo(2 * 6 * 3 + 2 * 3 + 3 * 6 + 6);
        }
    }

    private static double loss(LinearModel m, ImportanceWeightedBound objective, float[] batch) {
        try (NDManager scope = m.manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(SEED);
            return objective
                    .evaluate(LinearModel.vectors(scope, batch), m.model, m.training(scope))
                    .loss()
                    .getFloat();
        }
    }

    private static long[] flatIndex(NDArray array, long flat) {
        long[] shape = array.getShape().getShape();
        long[] index = new long[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }

    private static List<ByteBuffer> scribbleOverFreedMemory() {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            buffer.putDouble(0, 12345.0);
            buffers.add(buffer);
        }
        return buffers;
    }
}
