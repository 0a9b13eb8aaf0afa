package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each activation and its derivative against the closed form in double precision, and the option that names them. */
final class NonlinearityTest {
    private static final float[] X = {-3f, -1.2f, -0.3f, -1e-3f, 1e-3f, 0.4f, 1.7f, 4f};

    @ParameterizedTest
    @EnumSource(Nonlinearity.class)
    void valueAndDerivativeAreTheClosedForm(Nonlinearity f) {
        DoubleUnaryOperator value = closedForm(f);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = f.apply(x);
                collector.backward(y.sum());
            }
            float[] values = y.toFloatArray();
            float[] slopes = x.getGradient().toFloatArray();
            double h = 1e-5;
            for (int i = 0; i < X.length; i++) {
                double expected = value.applyAsDouble(X[i]);
                double slope = (value.applyAsDouble(X[i] + h) - value.applyAsDouble(X[i] - h)) / (2 * h);
                assertThat((double) values[i]).as("%s(%s)", f.word(), X[i]).isCloseTo(expected, within(2e-6));
                assertThat((double) slopes[i]).as("%s'(%s)", f.word(), X[i]).isCloseTo(slope, within(2e-5));
            }
        }
    }

    private static DoubleUnaryOperator closedForm(Nonlinearity f) {
        return switch (f) {
            case RELU -> x -> Math.max(x, 0);
            case TANH -> Math::tanh;
            case SOFTPLUS -> x -> Math.log1p(Math.exp(x));
            case ELU -> x -> x > 0 ? x : Math.expm1(x);
            case GELU -> x -> x * 0.5 * (1 + erf(x / Math.sqrt(2)));
            case SILU -> x -> x / (1 + Math.exp(-x));
        };
    }

    /** erf by its Maclaurin series, exact to double precision for |x| &lt; 3. */
    private static double erf(double x) {
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void theOptionListsItsDefaultFirstAndTheOthersInOrder() {
        assertThat(MultilayerPerceptron.ACTIVATION.defaultValue()).isEqualTo("relu");
        assertThat(MultilayerPerceptron.ACTIVATION.accepted()).contains("relu, tanh, softplus, elu, gelu, silu");
        var tanhFirst = Nonlinearity.option(Nonlinearity.TANH, Nonlinearity.values());
        assertThat(tanhFirst.accepted()).contains("tanh, relu, softplus, elu, gelu, silu");
        var three = Nonlinearity.option(Nonlinearity.RELU, Nonlinearity.TANH, Nonlinearity.ELU);
        assertThat(three.accepted()).contains("relu, tanh, elu").doesNotContain("gelu");
        assertThat(Nonlinearity.of("silu")).isEqualTo(Nonlinearity.SILU);
        assertThatThrownBy(() -> Nonlinearity.of("swish")).isInstanceOf(IllegalArgumentException.class);
    }
}
