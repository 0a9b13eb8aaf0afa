package dev.genzoo.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.runtime.model.StepLeaves;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AdamTest {

    /** Three steps on loss = sum(c * w^2 / 2) against Kingma and Ba's algorithm computed in doubles. */
    @Test
    void matchesAlgorithmOneComputedByHand() {
        assertMatchesAlgorithmOne(null);
    }

    /** An epsilon of the size of sqrt(v) changes every step; 1e-4 is the IWAE paper's. */
    @Test
    void takesItsEpsilonFromTheConstructor() {
        assertMatchesAlgorithmOne(0.5f);
        assertMatchesAlgorithmOne(1e-4f);
    }

    private static void assertMatchesAlgorithmOne(Float epsilon) {
        double eps = epsilon == null ? 1e-8 : epsilon;
        double[] w = {0.5, -1.0, 2.0};
        double[] c = {1.0, 3.0, 0.25};
        double lr = 0.1;
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder()
                    .setName("w")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(3))
                    .optInitializer(new ConstantInitializer(0))
                    .build();
            p.initialize(manager, DataType.FLOAT32);
            p.getArray().addi(manager.create(new float[] {0.5f, -1f, 2f}));
            NDArray coefficients = manager.create(new float[] {1f, 3f, 0.25f});
            StepLeaves leaves = new StepLeaves(manager);
            StepLeaves.detach(java.util.List.of(p));
            Adam adam = epsilon == null ? new Adam(Map.of("w", p), lr) : new Adam(Map.of("w", p), lr, epsilon);

            double[] m = new double[3];
            double[] v = new double[3];
            for (int t = 1; t <= 3; t++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray leaf = leaves.getValue(p, manager.getDevice(), true);
                    collector.backward(leaf.square().mul(coefficients).sum().div(2));
                }
                adam.step(leaves);
                leaves.endStep();
                for (int i = 0; i < 3; i++) {
                    double g = c[i] * w[i];
                    m[i] = 0.9 * m[i] + 0.1 * g;
                    v[i] = 0.999 * v[i] + 0.001 * g * g;
                    double stepSize = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                    w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) + eps);
                }
            }
            float[] actual = p.getArray().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertThat((double) actual[i]).isCloseTo(w[i], within(1e-5));
            }
            assertThat(adam.steps()).isEqualTo(3);
            assertThat(p.getArray().hasGradient())
                    .as("only the per-step leaves take gradients")
                    .isFalse();
        }
    }

    @Test
    void aParameterTheStepDidNotReadIsLeftAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter unused = Parameter.builder()
                    .setName("u")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(2))
                    .optInitializer(new ConstantInitializer(1))
                    .build();
            unused.initialize(manager, DataType.FLOAT32);
            Adam adam = new Adam(Map.of("u", unused), 0.1);
            adam.step(new StepLeaves(manager));
            assertThat(unused.getArray().toFloatArray()).containsExactly(1f, 1f);
            assertThat(adam.state()).containsKeys("m.u", "v.u");
        }
    }

    @Test
    void parametersWithoutGradientsAreLeftAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter frozen = Parameter.builder()
                    .setName("ema")
                    .setType(Parameter.Type.OTHER)
                    .optRequiresGrad(false)
                    .optShape(new Shape(2))
                    .optInitializer(new ConstantInitializer(1))
                    .build();
            frozen.initialize(manager, DataType.FLOAT32);
            Adam adam = new Adam(Map.of("ema", frozen), 0.1);
            adam.step(new StepLeaves(manager));
            assertThat(adam.state()).isEmpty();
            assertThat(frozen.getArray().toFloatArray()).containsExactly(1f, 1f);
        }
    }
}
