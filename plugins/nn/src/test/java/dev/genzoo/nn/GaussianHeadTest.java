package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian head's three variances: log p(x|mean) against the closed form, the learned
 * log-variance's shape, start and name, its gradient against the closed form, and the floor under
 * a learned variance.
 */
final class GaussianHeadTest {
    private static final Shape DATA = new Shape(1, 2, 2);
    private static final float[] MEAN = {0.1f, -0.4f, 0.9f, 0.3f, 0.5f, 0.0f, -1.0f, 0.2f};
    private static final float[] X = {0.3f, -0.1f, 0.7f, 0.6f, 0.2f, 0.4f, -0.5f, 0.1f};

    private static GaussianHead head(String variance, NDManager manager) {
        Options options = Options.resolve(
                "test",
                List.of(GaussianHead.VARIANCE, GaussianHead.SIGMA),
                Map.of("variance", variance, "sigma", "0.5"));
        return GaussianHead.of(options, DATA, manager);
    }

    /** sum over one example of log N(x; mean, 0.25). */
    private static double logDensity(int example) {
        double sum = 0;
        for (int i = 4 * example; i < 4 * example + 4; i++) {
            double d = X[i] - MEAN[i];
            sum += -0.5 * Math.log(2 * Math.PI * 0.25) - d * d / (2 * 0.25);
        }
        return sum;
    }

    @Test
    void everyVarianceStartsAtSigmaAndGivesTheClosedFormDensity() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String variance : List.of("fixed", "learned", "shared")) {
                GaussianHead head = head(variance, manager);
                ParameterList parameters = head.addTo(new ParameterList());
                if (variance.equals("fixed")) {
                    assertThat(parameters.isEmpty()).isTrue();
                } else {
                    assertThat(parameters.keys()).containsExactly("log_variance");
                    NDArray logVar = parameters.get("log_variance").getArray();
                    assertThat(logVar.getShape()).isEqualTo(variance.equals("learned") ? DATA : new Shape());
                    assertThat(logVar.toFloatArray()).containsOnly((float) (2 * Math.log(0.5)));
                }
                StepContext context = StepContext.evaluation(0, manager, new Leaves(manager));
                Normal p = head.distribution(manager.create(MEAN, new Shape(2, 1, 2, 2)), context);
                float[] logProb =
                        p.logProb(manager.create(X, new Shape(2, 1, 2, 2))).toFloatArray();
                assertThat(logProb).hasSize(2);
                for (int b = 0; b < 2; b++) {
                    assertThat((double) logProb[b]).as(variance).isCloseTo(logDensity(b), within(1e-5));
                }
            }
        }
    }

    /** d log N(x; m, e^v) / dv = ((x - m)^2 e^-v - 1) / 2 per element, summed over the batch. */
    @Test
    void aLearnedLogVarianceGetsTheClosedFormGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GaussianHead head = head("learned", manager);
            Leaves store = new Leaves(manager);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Normal p = head.distribution(
                        manager.create(MEAN, new Shape(2, 1, 2, 2)), StepContext.training(0, 0, 1, 1, manager, store));
                collector.backward(
                        p.logProb(manager.create(X, new Shape(2, 1, 2, 2))).sum());
            }
            float[] gradient = store.gradient(head.addTo(new ParameterList()).get("log_variance"));
            for (int i = 0; i < 4; i++) {
                double expected = 0;
                for (int b = 0; b < 2; b++) {
                    double d = X[4 * b + i] - MEAN[4 * b + i];
                    expected += (d * d / 0.25 - 1) / 2;
                }
                assertThat((double) gradient[i]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    /**
     * A pixel that is constant in the data pulls its learned variance towards 0, where the density
     * is unbounded; the floor keeps each element's log-density at most -log(floor sqrt(2 pi)), and
     * below the floor the parameter gets no gradient.
     */
    @Test
    void aLearnedVarianceBelowItsFloorGivesTheFloorsDensityAndNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String variance : List.of("learned", "shared")) {
                Options options = Options.resolve("test", GaussianHead.OPTIONS, Map.of("variance", variance));
                GaussianHead head = GaussianHead.of(options, DATA, manager);
                NDArray logVar =
                        head.addTo(new ParameterList()).get("log_variance").getArray();
                logVar.set(java.nio.FloatBuffer.wrap(
                        manager.full(logVar.getShape(), (float) Math.log(1e-12)).toFloatArray()));
                Leaves store = new Leaves(manager);
                NDArray x = manager.create(X, new Shape(2, 1, 2, 2));
                float[] logProb;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    // the mean is the data itself: the density of a pixel the network fits exactly
                    NDArray p = head.distribution(x, StepContext.training(0, 0, 1, 1, manager, store))
                            .logProb(x);
                    logProb = p.toFloatArray();
                    collector.backward(p.sum());
                }
                double ceiling = -4 * Math.log(0.01 * Math.sqrt(2 * Math.PI));
                assertThat((double) logProb[0]).as(variance).isCloseTo(ceiling, within(1e-4));
                float[] gradient =
                        store.gradient(head.addTo(new ParameterList()).get("log_variance"));
                assertThat(gradient).as(variance).containsOnly(0f);
            }
        }
    }

    @Test
    void aLearnedVarianceCannotStartBelowItsFloor() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Options options =
                    Options.resolve("test", GaussianHead.OPTIONS, Map.of("variance", "learned", "sigma", "0.005"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> GaussianHead.of(options, DATA, manager))
                    .isInstanceOf(dev.genzoo.api.GenzooException.class)
                    .hasMessage("a learned variance starts at sigma = 0.005, below its floor sigma-floor = 0.01;"
                            + " raise sigma or lower sigma-floor");
            Options fixed = Options.resolve("test", GaussianHead.OPTIONS, Map.of("sigma", "0.005"));
            assertThat(GaussianHead.of(fixed, DATA, manager)
                            .addTo(new ParameterList())
                            .isEmpty())
                    .isTrue();
        }
    }
}
