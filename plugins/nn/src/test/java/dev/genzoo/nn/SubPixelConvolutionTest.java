package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.StepContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sub-pixel form equals what it replaces, a nearest-neighbour doubling then a 3x3 convolution
 * with padding 1, both computed here by loops in double precision ({@link DirectConvolution}): the
 * same output, and the same gradients with respect to the input, the kernel and the bias.
 */
final class SubPixelConvolutionTest {

    @ParameterizedTest(name = "3 -> {0} channels")
    @ValueSource(ints = {1, 4, 6})
    void equalsUpsamplingThenConvolvingInValueAndGradients(int out) {
        int n = 2;
        int in = 3;
        int h = 4;
        int w = 5;
        DirectConvolution direct = new DirectConvolution(n, in, 2 * h, 2 * w, out, 3, 1, 1);
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            Convolution convolution = Convolution.builder(in, out, 3).padding(1).build(manager);
            SubPixelConvolution subPixel = new SubPixelConvolution(manager);
            NDArray x = manager.randomNormal(new Shape(n, in, h, w));
            NDArray g = manager.randomNormal(new Shape(n, out, 2 * h, 2 * w));
            float[] kernel = convolution.weight().getArray().toFloatArray();
            float[] bias = convolution.bias().getArray().toFloatArray();

            Leaves store = new Leaves(manager);
            NDArray input = x.duplicate();
            input.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = convolution.forwardDoubled(input, subPixel, StepContext.training(0, 0, 1, 1, manager, store));
                collector.backward(y.mul(g).sum());
            }

            float[] up = DirectConvolution.doubled(x.toFloatArray(), n, in, h, w);
            assertThat(y.getShape()).isEqualTo(new Shape(n, out, 2 * h, 2 * w));
            ConvolutionTest.assertClose("output", y.toFloatArray(), direct.forward(up, kernel, bias));
            double[][] expected = direct.backward(up, kernel, g.toFloatArray());
            ConvolutionTest.assertClose(
                    "d/dx",
                    input.getGradient().toFloatArray(),
                    DirectConvolution.summedOverBlocks(expected[0], n, in, h, w));
            ConvolutionTest.assertClose("d/dw", store.gradient(convolution.weight()), expected[1]);
            ConvolutionTest.assertClose("d/db", store.gradient(convolution.bias()), expected[2]);
        }
    }
}
