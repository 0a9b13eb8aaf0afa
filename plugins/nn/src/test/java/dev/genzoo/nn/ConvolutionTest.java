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
 * and bias, for output channel counts on both sides of the multiples of 16, a batch of 3, and both
 * the 3x3 same-padded and the 4x4 stride-2 windows the plugins use. On a CPU with AVX-512 the input
 * gradient is wrong here without the padding {@link Convolution} applies for every count but 16.
 */
final class ConvolutionTest {

    @ParameterizedTest(name = "{0} -> {1} channels, {2}x{2} window, stride {3}, padding {4}")
    @CsvSource({
        "2, 1, 3, 1, 1",
        "3, 3, 3, 1, 1",
        "4, 6, 3, 1, 1",
        "2, 16, 3, 1, 1",
        "3, 17, 3, 1, 1",
        "1, 6, 4, 2, 1",
        "4, 1, 1, 1, 0"
    })
    void valuesAndGradientsAreTheDirectConvolutions(int in, int out, int kernel, int stride, int pad) {
        int n = 3;
        int height = 6;
        int width = 5;
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

            Leaves store = new Leaves(manager);
            NDArray input = x.duplicate();
            input.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = convolution.forward(input, StepContext.training(0, 0, 1, 1, manager, store));
                collector.backward(y.mul(g).sum());
            }

            assertThat(y.getShape()).isEqualTo(new Shape(n, out, direct.outHeight, direct.outWidth));
            assertClose("output", y.toFloatArray(), direct.forward(x.toFloatArray(), w, b));
            double[][] expected = direct.backward(x.toFloatArray(), w, g.toFloatArray());
            assertClose("d/dx", input.getGradient().toFloatArray(), expected[0]);
            assertClose("d/dw", store.gradient(convolution.weight()), expected[1]);
            assertClose("d/db", store.gradient(convolution.bias()), expected[2]);
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
