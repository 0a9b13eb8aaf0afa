package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The sub-pixel form equals what it replaces, a nearest-neighbour doubling (the engine's
 * interpolation) then a 3x3 convolution with padding 1: the same output, and the same gradients
 * with respect to the input, the kernel and the bias.
 */
final class SubPixelConvolutionTest {

    @Test
    void equalsUpsamplingThenConvolvingInValueAndGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            NDArray x = manager.randomNormal(new Shape(2, 3, 4, 5));
            NDArray w = manager.randomNormal(new Shape(6, 3, 3, 3));
            NDArray b = manager.randomNormal(new Shape(6));
            NDArray weights = manager.randomNormal(new Shape(2, 6, 8, 10));
            SubPixelConvolution subPixel = new SubPixelConvolution(manager);

            NDList fast = valueAndGradients(x, w, b, weights, in -> subPixel.apply(in.get(0), in.get(1), in.get(2)));
            NDList plain = valueAndGradients(
                    x,
                    w,
                    b,
                    weights,
                    in -> Conv2d.conv2d(
                                    UpsamplingNetwork.nearest(in.get(0), new long[] {8, 10}),
                                    in.get(1),
                                    in.get(2),
                                    new Shape(1, 1),
                                    new Shape(1, 1),
                                    new Shape(1, 1),
                                    1)
                            .singletonOrThrow());

            assertThat(fast.get(0).getShape()).isEqualTo(new Shape(2, 6, 8, 10));
            for (int i = 0; i < plain.size(); i++) {
                assertThat(fast.get(i).getShape()).isEqualTo(plain.get(i).getShape());
                assertThat(fast.get(i).toFloatArray())
                        .containsExactly(plain.get(i).toFloatArray(), within(1e-4f));
            }
        }
    }

    /** The output, then d(sum(weights * output)) / d(x, w, b). */
    private static NDList valueAndGradients(
            NDArray x, NDArray w, NDArray b, NDArray weights, Function<NDList, NDArray> f) {
        NDList leaves = new NDList();
        for (NDArray a : new NDArray[] {x, w, b}) {
            NDArray leaf = a.duplicate();
            leaf.setRequiresGradient(true);
            leaves.add(leaf);
        }
        NDArray out;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            out = f.apply(leaves);
            collector.backward(out.mul(weights).sum());
        }
        return new NDList(
                out.stopGradient(),
                leaves.get(0).getGradient(),
                leaves.get(1).getGradient(),
                leaves.get(2).getGradient());
    }
}
