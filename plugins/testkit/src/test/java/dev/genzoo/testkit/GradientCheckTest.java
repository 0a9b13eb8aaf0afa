package dev.genzoo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The gradient check passes a loss whose autograd gradient is right, on a model's parameter and on
 * a noisy loss, and fails one whose gradient is wrong (half of it cut by a stopGradient) and one
 * that a parameter does not move.
 */
final class GradientCheckTest {
    private static final float[] X = {0.3f, -1.2f, 0.8f, 2.0f, -0.5f, 0.1f, 1.4f, -0.9f};

    /** The fake encoder's weight w and a loss of it: sum over a batch of (w x - x)^2 plus a sampled term. */
    private static final class Setup implements AutoCloseable {
        final NDManager manager = NDManager.newBaseManager();
        final FakePlugin.ScaledGaussian encoder =
                new FakePlugin.ScaledGaussian(BuildContext.of(manager, new Shape(1, 2, 2)));
        final ParameterStore store = new ParameterStore(manager, false);

        Normal posterior(NDManager scope) {
            StepContext context = StepContext.training(0, 0, 1, 1, scope, store);
            return (Normal) ((dev.genzoo.api.Encoding.Density)
                            encoder.encode(scope.create(X, new Shape(2, 1, 2, 2)), context))
                    .posterior();
        }

        Parameter weight() {
            return encoder.weight();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    @Test
    void aRightGradientPassesEvenThroughNoise() {
        try (Setup s = new Setup()) {
            s.weight().getArray().addi(s.manager.create(new float[] {0.1f, -0.3f, 0.2f, 0.4f}));
            Function<NDManager, NDArray> loss = scope -> {
                Normal q = s.posterior(scope);
                NDArray x = scope.create(X, new Shape(2, 4));
                return q.loc()
                        .sub(x)
                        .square()
                        .sum()
                        .add(q.rsample(new Shape(3)).square().mean());
            };
            int checked = GradientCheck.of(loss)
                    .seed(4)
                    .probing(List.of(s.weight()))
                    .everyElement()
                    .everyParameterMatters()
                    .verify(s.manager);
            assertThat(checked).isEqualTo(4);
        }
    }

    @Test
    void aWrongGradientFails() {
        try (Setup s = new Setup()) {
            // (w x)^2 written as (w x) * sg(w x): autograd sees half the true derivative
            Function<NDManager, NDArray> loss = scope -> {
                NDArray mean = s.posterior(scope).loc();
                return mean.mul(mean.stopGradient()).sum();
            };
            assertThatThrownBy(() -> GradientCheck.of(loss)
                            .probing(List.of(s.weight()))
                            .everyElement()
                            .verify(s.manager))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("4 of 4 gradients off")
                    .hasMessageContaining("d loss / d weight[0]: autograd");
        }
    }

    @Test
    void aParameterTheLossIgnoresFailsWhenEveryParameterMustMatter() {
        try (Setup s = new Setup()) {
            Function<NDManager, NDArray> loss = scope -> {
                NDArray mean = s.posterior(scope).loc();
                return mean.sub(mean).sum();
            };
            assertThat(GradientCheck.of(loss).probing(List.of(s.weight())).verify(s.manager))
                    .isEqualTo(4);
            assertThatThrownBy(() -> GradientCheck.of(loss)
                            .probing(List.of(s.weight()))
                            .everyParameterMatters()
                            .verify(s.manager))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("does not move with weight");
        }
    }
}
