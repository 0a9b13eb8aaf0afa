package dev.genzoo.runtime.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The density grid of a model whose bound is known: log p(x) = -|x|^2, observed exactly or with
 * Gaussian noise of a given size, so the grid's values and its refusals can be checked against it.
 */
final class DensityGridTest {
    private static final double[] BOUNDS = {-1, 1, -1, 1};

    private static AssembledModel noisy(NDManager manager, float sigma) {
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.BIJECTION;
            }

            @Override
            public Shape latentShape() {
                return new Shape(2);
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                throw new UnsupportedOperationException();
            }
        };
        Prior prior = context -> {
            throw new UnsupportedOperationException();
        };
        Decoder decoder = (z, context) -> {
            throw new UnsupportedOperationException();
        };
        Objective objective = new Objective() {
            @Override
            public Set<EncoderKind> acceptedEncoders() {
                return Set.of(EncoderKind.BIJECTION);
            }

            @Override
            public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
                NDArray exact = x.square().sum(new int[] {1}).neg();
                NDArray bound = sigma == 0
                        ? exact
                        : exact.add(
                                context.manager().randomNormal(exact.getShape()).mul(sigma));
                return ObjectiveValue.of(bound.mean().neg()).bound(bound).build();
            }
        };
        return AssembledModel.of(new GenerativeModel(encoder, prior, decoder), objective, manager.newSubManager());
    }

    private static double truth(int cells, int index) {
        double side = 2.0 / cells;
        double x = -1 + (index % cells + 0.5) * side;
        double y = 1 - (index / cells + 0.5) * side;
        return -(x * x + y * y);
    }

    @Test
    void anExactBoundIsEvaluatedOncePerCell() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DensityGrid.Result grid =
                    DensityGrid.logDensity(noisy(manager, 0), BOUNDS, 10, 10, 0).orElseThrow();
            assertThat(grid.exact()).isTrue();
            for (int i = 0; i < 100; i++) {
                assertThat(grid.logDensity()[i]).isCloseTo(truth(10, i), within(1e-5));
            }
        }
    }

    @Test
    void aPreciseStochasticBoundIsTheMeanOfItsDraws() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float sigma = 0.2f;
            DensityGrid.Result grid = DensityGrid.logDensity(noisy(manager, sigma), BOUNDS, 10, 10, 0)
                    .orElseThrow();
            assertThat(grid.exact()).isFalse();
            // each cell is the mean of 64 draws: within 5 standard errors, sigma / 8 each
            double tolerance = 5 * sigma / Math.sqrt(DensityGrid.DRAWS);
            for (int i = 0; i < 100; i++) {
                assertThat(grid.logDensity()[i]).isCloseTo(truth(10, i), within(tolerance));
            }
        }
    }

    @Test
    void aBoundTooNoisyToDrawGivesNoGrid() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // a standard error of 2 / 8 = 0.25 nats per cell, five times what is drawn
            Optional<DensityGrid.Result> grid = DensityGrid.logDensity(noisy(manager, 2f), BOUNDS, 10, 10, 0);
            assertThat(grid).isEmpty();
        }
    }
}
