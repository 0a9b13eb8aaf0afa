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
 * log-variance's shape, start and name, and its gradient against the closed form.
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
}
