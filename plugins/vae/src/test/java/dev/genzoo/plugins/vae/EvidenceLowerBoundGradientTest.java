package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.Objective;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gradient of the {@code elbo} loss with respect to encoder and decoder parameters against
 * central finite differences of the loss on the same noise (the engine is reseeded before every
 * evaluation). Between forward and backward the garbage collector runs and freed memory is
 * overwritten, so that a factor autograd saved in a Java-owned buffer would show up as garbage.
 */
final class EvidenceLowerBoundGradientTest {
    private static final int SEED = 21;
    private static final float STEP = 1e-2f;

    private TinyVae vae;
    private float[] batch;

    @BeforeEach
    void setUp() {
        vae = TinyVae.bernoulli(9);
        batch = TinyVae.binaryBatch(4);
    }

    @AfterEach
    void tearDown() {
        vae.close();
    }

    @Test
    void analyticKlWithBetaAndWarmUp() {
        assertGradientMatchesFiniteDifferences(
                vae.elbo(Map.of("kl", "analytic", "beta", "0.7", "warmup-epochs", "10")));
    }

    @Test
    void monteCarloKlWithSeveralSamples() {
        assertGradientMatchesFiniteDifferences(vae.elbo(Map.of("kl", "monte-carlo", "beta", "1.5", "samples", "3")));
    }

    private void assertGradientMatchesFiniteDifferences(Objective objective) {
        List<Parameter> probed = new ArrayList<>();
        probed.add(last(vae.encoder.parameters()));
        probed.add(first(vae.encoder.parameters()));
        probed.add(last(vae.decoder.parameters()));

        NDArray control = vae.manager.create(new float[] {1f});
        control.setRequiresGradient(true);
        try (NDManager scope = vae.manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(SEED);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = objective
                        .evaluate(TinyVae.images(scope, batch), vae.model, vae.training(scope, 50, 10))
                        .loss();
                NDArray controlTerm = control.mul(0.5f).sum();
                List<ByteBuffer> scribbles = scribbleOverFreedMemory();
                collector.backward(loss.add(controlTerm));
                assertThat(scribbles).isNotEmpty();
            }
        }
        assumeThat(control.getGradient().getFloat())
                .as("the probe overwrote the freed factor of the control term")
                .isNotEqualTo(0.5f);

        int checked = 0;
        for (Parameter parameter : probed) {
            NDArray array = parameter.getArray();
            float[] gradient = array.getGradient().toFloatArray();
            long size = array.getShape().size();
            for (long i = 0; i < size; i += Math.max(1, size / 5)) {
                NDIndex at = new NDIndex(flatIndex(array, i));
                float original = array.getFloat(flatIndex(array, i));
                array.set(at, original + STEP);
                double up = loss(objective);
                array.set(at, original - STEP);
                double down = loss(objective);
                array.set(at, original);
                double difference = (up - down) / (2 * STEP);
                assertThat((double) gradient[(int) i])
                        .as("d loss / d %s[%d]", parameter.getName(), i)
                        .isCloseTo(difference, within(2e-3 + 0.02 * Math.abs(difference)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    private double loss(Objective objective) {
        try (NDManager scope = vae.manager.newSubManager()) {
            Engine.getInstance().setRandomSeed(SEED);
            return objective
                    .evaluate(TinyVae.images(scope, batch), vae.model, vae.training(scope, 50, 10))
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

    private static Parameter first(ParameterList parameters) {
        return parameters.valueAt(0);
    }

    private static Parameter last(ParameterList parameters) {
        return parameters.valueAt(parameters.size() - 1);
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
