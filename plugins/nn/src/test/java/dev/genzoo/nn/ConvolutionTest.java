package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.StepContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Convolution} against the convolution computed by loops in double precision ({@link
 * DirectConvolution}): its output and the gradients of sum(g * y) with respect to its input, kernel
 * and bias, for output channel counts on both sides of the multiples of 16 (1, 3, 4, 6, 16, 17),
 * batches of 2 to 6, the 3x3 same-padded, 4x4 stride-2 and 1x1 windows the plugins use, inputs that
 * are leaves and inputs computed from one (as activations are), and inputs that take no gradient.
 * Freed memory is filled with NaN first: on a CPU with AVX-512 the input gradient is then wrong
 * here, for every count but 16, without the padding {@link Convolution} applies.
 */
final class ConvolutionTest {

    @ParameterizedTest(
            name = "{0} -> {1} channels, {2}x{2} window, stride {3}, padding {4}, input gradient {5},"
                    + " batch {6} of {7}x{8}, computed input {9}")
    @CsvSource({
        "2, 1, 3, 1, 1, true, 3, 6, 5, false",
        "3, 3, 3, 1, 1, true, 3, 6, 5, false",
        "4, 6, 3, 1, 1, true, 3, 6, 5, false",
        "2, 16, 3, 1, 1, true, 3, 6, 5, false",
        "3, 17, 3, 1, 1, true, 3, 6, 5, false",
        "1, 6, 4, 2, 1, true, 3, 6, 5, false",
        "4, 1, 1, 1, 0, true, 3, 6, 5, false",
        "3, 3, 3, 1, 1, true, 3, 6, 5, true",
        "2, 1, 3, 1, 1, true, 2, 8, 8, true",
        "1, 4, 4, 2, 1, false, 6, 8, 8, false",
        "3, 3, 3, 1, 1, false, 3, 6, 5, false"
    })
    void valuesAndGradientsAreTheDirectConvolutions(
            int in,
            int out,
            int kernel,
            int stride,
            int pad,
            boolean inputGradient,
            int n,
            int height,
            int width,
            boolean computed) {
        DirectConvolution direct = new DirectConvolution(n, in, height, width, out, kernel, stride, pad);
        Engine.getInstance().setRandomSeed(11 + out);
        try (NDManager manager = NDManager.newBaseManager()) {
            Convolution convolution = Convolution.builder(in, out, kernel)
                    .stride(stride)
                    .padding(pad)
                    .build(manager);
            NDArray x = manager.randomNormal(new Shape(n, in, height, width));
            NDArray g = manager.randomNormal(new Shape(n, out, direct.outHeight, direct.outWidth));
            float[] w = convolution.weight().getArray().toFloatArray();
            float[] b = convolution.bias().getArray().toFloatArray();

            poisonFreedMemory(manager);
            Leaves store = new Leaves(manager);
            NDArray input = x.duplicate();
            input.setRequiresGradient(inputGradient);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // a computed input, as a network's activations are: DJL says hasGradient() false for it
                NDArray fed = computed ? input.add(manager.zeros(input.getShape())) : input;
                y = convolution.forward(fed, StepContext.training(0, 0, 1, 1, manager, store));
                collector.backward(y.mul(g).sum());
            }

            assertThat(y.getShape()).isEqualTo(new Shape(n, out, direct.outHeight, direct.outWidth));
            assertClose("output", y.toFloatArray(), direct.forward(x.toFloatArray(), w, b));
            double[][] expected = direct.backward(x.toFloatArray(), w, g.toFloatArray());
            if (inputGradient) {
                assertClose("d/dx", input.getGradient().toFloatArray(), expected[0]);
            }
            assertClose("d/dw", store.gradient(convolution.weight()), expected[1]);
            assertClose("d/db", store.gradient(convolution.bias()), expected[2]);
        }
    }

    /** Frees buffers full of NaN, so that a kernel reading memory it did not write shows it. */
    static void poisonFreedMemory(NDManager manager) {
        try (NDManager junk = manager.newSubManager()) {
            for (long size = 16; size <= 1 << 20; size *= 2) {
                junk.full(new Shape(size), Float.NaN);
                junk.full(new Shape(size + 3), Float.NaN);
            }
        }
    }

    static void assertClose(String what, float[] actual, double[] expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i])
                    .as("%s[%d]", what, i)
                    .isCloseTo(expected[i], within(1e-4 * (1 + Math.abs(expected[i]))));
        }
    }
}
