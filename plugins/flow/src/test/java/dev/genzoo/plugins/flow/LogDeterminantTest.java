package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.Condition;
import dev.genzoo.api.StepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every step's claimed log|det df/dx| against log|det J| of its Jacobian, computed by autograd one
 * output coordinate at a time and reduced by LU decomposition in doubles, on small dimensions and
 * parameters perturbed away from the identity start.
 */
final class LogDeterminantTest {
    private static final int N = 6;

    @Test
    void affineCouplingOnVectors() {
        try (Fixtures f = new Fixtures(1)) {
            for (int parity : new int[] {0, 1}) {
                FlowStep step = new AffineCoupling(f.manager, new Shape(3), parity, List.of(8), "tanh", 1f, 0);
                assertLogDetMatchesJacobian(f, step, 3, 0.7f);
            }
        }
    }

    @Test
    void affineCouplingWithAWiderBoundOnACheckerboard() {
        try (Fixtures f = new Fixtures(2)) {
            FlowStep step = new AffineCoupling(f.manager, new Shape(1, 2, 2), 1, List.of(8, 8), "relu", 2.5f, 0);
            assertLogDetMatchesJacobian(f, step, 4, 0.7f);
        }
    }

    /**
     * A class-conditional coupling: for fixed labels its log-determinant is still its Jacobian's in
     * x, its inverse under the same labels returns x, and other labels give another map.
     */
    @Test
    void affineCouplingConditionedOnALabel() {
        try (Fixtures f = new Fixtures(7)) {
            FlowStep step = new AffineCoupling(f.manager, new Shape(4), 1, List.of(8), "tanh", 1.5f, 3);
            ParameterList parameters = new ParameterList();
            step.addParameters(parameters, "step");
            f.perturb(parameters, 0.5f);
            NDArray x = f.array(Fixtures.normalRows(N, 4, 13, 0.7), new Shape(N, 4));
            StepContext labelled =
                    f.evaluation().withCondition(Condition.label(f.manager.create(new long[] {0, 1, 2, 0, 1, 2}), 3));
            float[] claimed = step.forward(x, labelled).logDet().toFloatArray();
            assertMatches(
                    claimed, Jacobians.of(rows -> step.forward(rows, labelled).value(), x));
            float[] back =
                    step.inverse(step.forward(x, labelled).value(), labelled).toFloatArray();
            float[] original = x.toFloatArray();
            for (int i = 0; i < original.length; i++) {
                assertThat((double) back[i]).as("x[%d]", i).isCloseTo(original[i], within(1e-5));
            }
            StepContext relabelled =
                    f.evaluation().withCondition(Condition.label(f.manager.create(new long[] {2, 2, 2, 2, 2, 2}), 3));
            assertThat(step.forward(x, relabelled).value().toFloatArray())
                    .isNotEqualTo(step.forward(x, labelled).value().toFloatArray());
        }
    }

    @Test
    void autoregressiveAffineInBothOrders() {
        try (Fixtures f = new Fixtures(3)) {
            for (boolean reversed : new boolean[] {false, true}) {
                FlowStep step = new AutoregressiveAffine(f.manager, 4, List.of(9, 7), "elu", reversed, 1.5f);
                assertLogDetMatchesJacobian(f, step, 4, 0.7f);
            }
        }
    }

    @Test
    void planarStep() {
        try (Fixtures f = new Fixtures(4)) {
            FlowStep step = new PlanarStep(f.manager, 3);
            assertLogDetMatchesJacobian(f, step, 3, 1.5f);
        }
    }

    @Test
    void logitPreprocessing() {
        try (Fixtures f = new Fixtures(5)) {
            FlowStep step = new LogitTransform(0.05f);
            float[] inside = new float[N * 3];
            for (int i = 0; i < inside.length; i++) {
                inside[i] = (i * 0.137f) % 1f;
            }
            assertLogDetMatchesJacobian(f, step, f.array(inside, new Shape(N, 3)));
        }
    }

    @Test
    void wholeRealNvpAndMafFlows() {
        try (Fixtures f = new Fixtures(6)) {
            Flow realNvp = f.flow(new RealNvpRecipe(), Map.of("couplings", "3", "hidden", "8"), new Shape(3), false);
            Flow maf = f.flow(new MafRecipe(), Map.of("layers", "3", "hidden", "8"), new Shape(3), false);
            for (Flow flow : List.of(realNvp, maf)) {
                f.perturb(flow.parameters(), 0.5f);
                NDArray x = f.array(Fixtures.normalRows(N, 3, 7, 1.0), new Shape(N, 3));
                StepContext c = f.evaluation();
                assertMatches(
                        flow.forward(x, c).logDet().toFloatArray(),
                        Jacobians.of(rows -> flow.forward(rows, c).value(), x));
            }
        }
    }

    private static void assertLogDetMatchesJacobian(Fixtures f, FlowStep step, int d, float spread) {
        ParameterList parameters = new ParameterList();
        step.addParameters(parameters, "step");
        f.perturb(parameters, 0.5f);
        assertLogDetMatchesJacobian(f, step, f.array(Fixtures.normalRows(N, d, 11, spread), new Shape(N, d)));
    }

    private static void assertLogDetMatchesJacobian(Fixtures f, FlowStep step, NDArray x) {
        StepContext c = f.evaluation();
        float[] claimed = step.forward(x, c).logDet().toFloatArray();
        assertMatches(claimed, Jacobians.of(rows -> step.forward(rows, c).value(), x));
    }

    private static void assertMatches(float[] claimed, double[][][] jacobians) {
        assertThat(claimed).hasSize(jacobians.length);
        double spread = 0;
        for (int n = 0; n < claimed.length; n++) {
            double exact = Jacobians.logAbsDeterminant(jacobians[n]);
            assertThat((double) claimed[n])
                    .as("log|det| of row %d", n)
                    .isCloseTo(exact, within(2e-4 + 1e-5 * Math.abs(exact)));
            spread += Math.abs(exact);
        }
        // a step left at the identity (log|det| = 0 everywhere) would prove nothing
        assertThat(spread).isGreaterThan(0.1);
    }
}
