package dev.genzoo.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.PointMass;
import dev.genzoo.runtime.data.Examples;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An encoder that is no density is scored by its objective's bound, batch after batch, over exactly
 * the examples asked for; an objective without a bound is refused with a sentence.
 */
final class ObjectiveBoundTest {
    private static final float[] X = {1f, 2f, 3f, 4f, 5f, 6f, 7f};

    /** A point-mass model whose objective's bound is -x^2 per example. */
    private static AssembledModel model(NDManager manager, boolean withBound) {
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.POINT_MASS;
            }

            @Override
            public Shape latentShape() {
                return new Shape(1);
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                return Encoding.pointMass(x, Map.of());
            }
        };
        Prior prior = context -> new PointMass(context.manager().zeros(new Shape(1)), 1);
        Decoder decoder = (z, context) -> new PointMass(z, 1);
        Objective objective = new Objective() {
            @Override
            public Set<EncoderKind> acceptedEncoders() {
                return Set.of(EncoderKind.POINT_MASS);
            }

            @Override
            public ObjectiveValue evaluate(NDArray x, GenerativeModel m, StepContext context) {
                NDArray bound = x.square().neg().reshape(-1);
                ObjectiveValue.Builder value = ObjectiveValue.of(bound.mean().neg());
                return withBound ? value.bound(bound).build() : value.build();
            }
        };
        return AssembledModel.of(new GenerativeModel(encoder, prior, decoder), objective, manager.newSubManager());
    }

    @Test
    void averagesTheObjectivesBoundOverTheExamplesAskedFor() {
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel model = model(manager, true)) {
            NDArray data = manager.create(X, new Shape(X.length, 1));
            EvaluationReport report = LikelihoodEvaluation.run(
                    model,
                    "fake",
                    Examples.of(data),
                    new EvaluationSettings(List.of(5000), 0, 2, 5),
                    0,
                    EvaluationListener.NONE);
            assertThat(report.estimator()).isEqualTo("the bound of objective 'fake'");
            assertThat(report.examples()).isEqualTo(5);
            assertThat(report.estimates()).extracting(Estimate::label).containsExactly("bound");
            // -(1 + 4 + 9 + 16 + 25) / 5 and the standard error of those five numbers
            assertThat(report.tightest().mean()).isCloseTo(-11, within(1e-9));
            assertThat(report.tightest().standardError()).isCloseTo(Math.sqrt(93.5 / 5), within(1e-9));
            assertThat(report.nllNats()).isCloseTo(11, within(1e-9));
        }
    }

    @Test
    void anObjectiveWithoutABoundIsRefused() {
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel model = model(manager, false)) {
            NDArray data = manager.create(X, new Shape(X.length, 1));
            assertThatThrownBy(() -> LikelihoodEvaluation.run(
                            model,
                            "fake",
                            Examples.of(data),
                            new EvaluationSettings(List.of(1), 0, 2, 0),
                            0,
                            EvaluationListener.NONE))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("objective 'fake' reports no bound on log p(x), and this encoder kind has no other"
                            + " estimate; there is nothing to evaluate");
        }
    }
}
