package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.StepContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multilayer perceptron: it starts with the very draws, under the very names, of the DJL
 * block of Linear layers the vae and iwae plugins were built from (so their checkpoints load and
 * seeded runs repeat), and it computes the network written out with matrix products, in value and
 * in every gradient, whether a wide output layer adds its bias in place or not.
 */
final class MultilayerPerceptronTest {
    private static final int UNITS = 1024;

    @Test
    void drawsAndNamesItsParametersAsDjlsSequentialBlockOfLinearLayers() {
        long in = 7;
        List<Integer> hidden = List.of(5, 4);
        long out = 3;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(12);
            SequentialBlock block = new SequentialBlock();
            long fanIn = in;
            for (long width : new long[] {5, 4, out}) {
                Linear layer = Linear.builder().setUnits(width).build();
                float bound = (float) (1 / Math.sqrt(fanIn));
                layer.setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
                layer.setInitializer(new UniformInitializer(bound), Parameter.Type.BIAS);
                block.add(layer);
                if (width != out) {
                    block.add(Activation::tanh);
                }
                fanIn = width;
            }
            block.initialize(manager, DataType.FLOAT32, new Shape(1, in));

            Engine.getInstance().setRandomSeed(12);
            MultilayerPerceptron mlp = MultilayerPerceptron.builder(in, hidden, out)
                    .activation(Nonlinearity.TANH)
                    .names(MultilayerPerceptron.LayerNames.SEQUENTIAL_BLOCK)
                    .build(manager);

            ParameterList theirs = block.getParameters();
            ParameterList ours = mlp.parameters();
            assertThat(ours.keys())
                    .containsExactlyElementsOf(theirs.keys())
                    .containsExactly(
                            "01Linear_weight",
                            "01Linear_bias",
                            "03Linear_weight",
                            "03Linear_bias",
                            "05Linear_weight",
                            "05Linear_bias");
            for (int i = 0; i < ours.size(); i++) {
                NDArray expected = theirs.valueAt(i).getArray();
                NDArray actual = ours.valueAt(i).getArray();
                assertThat(actual.getShape()).as(ours.keyAt(i)).isEqualTo(expected.getShape());
                assertThat(actual.toFloatArray()).as(ours.keyAt(i)).containsExactly(expected.toFloatArray());
            }
        }
    }

    @Test
    void indexedNamesTakeTheNetworksPrefix() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultilayerPerceptron mlp =
                    MultilayerPerceptron.builder(2, List.of(3), 4).build(manager);
            ParameterList list = new ParameterList();
            mlp.addParameters(list, "coupling0");
            assertThat(list.keys())
                    .containsExactly(
                            "coupling0.layer0.weight",
                            "coupling0.layer0.bias",
                            "coupling0.layer1.weight",
                            "coupling0.layer1.bias");
            assertThat(mlp.depth()).isEqualTo(2);
            assertThat(mlp.layer(1).weight().getArray().getShape()).isEqualTo(new Shape(4, 3));
        }
    }

    /** With 2 x 256 rows the 1024-unit output is wide enough to add its bias in place; with 2 x 1 it is not. */
    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 256})
    void forwardIsTheWrittenOutNetworkInValueAndGradients(int batch) {
        int samples = 2;
        assertThat((long) samples * batch * UNITS >= Dense.IN_PLACE_BIAS_FROM).isEqualTo(batch == 256);
        Engine.getInstance().setRandomSeed(6);
        try (NDManager manager = NDManager.newBaseManager()) {
            MultilayerPerceptron mlp = MultilayerPerceptron.builder(3, List.of(5), UNITS)
                    .activation(Nonlinearity.TANH)
                    .biasInPlaceWhenWide()
                    .build(manager);
            ParameterList parameters = mlp.parameters();
            NDArray x = manager.randomNormal(new Shape(samples, batch, 3));
            NDArray g = manager.randomNormal(new Shape(samples, batch, UNITS));

            Leaves ourStore = new Leaves(manager);
            NDArray ours;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ours = mlp.forwardLast(x, StepContext.training(0, 0, 1, 1, manager, ourStore));
                collector.backward(ours.mul(g).sum());
            }
            Leaves writtenStore = new Leaves(manager);
            NDArray written;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray[] p = new NDArray[4];
                for (int i = 0; i < 4; i++) {
                    p[i] = writtenStore.getValue(parameters.valueAt(i), x.getDevice(), true);
                }
                written = x.matMul(p[0].transpose())
                        .add(p[1])
                        .tanh()
                        .matMul(p[2].transpose())
                        .add(p[3]);
                collector.backward(written.mul(g).sum());
            }

            assertThat(ours.getShape()).isEqualTo(new Shape(samples, batch, UNITS));
            assertClose("output", ours.toFloatArray(), written.toFloatArray());
            for (int i = 0; i < 4; i++) {
                Parameter p = parameters.valueAt(i);
                assertClose(parameters.keyAt(i), ourStore.gradient(p), writtenStore.gradient(p));
            }
        }
    }

    @Test
    void aConditionerStartsAtZeroAndAMaskCutsConnections() {
        Engine.getInstance().setRandomSeed(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] first = {1, 0, 1, 1, 0, 1};
            float[] last = {1, 1, 0, 1, 0, 0};
            MultilayerPerceptron mlp = MultilayerPerceptron.builder(2, List.of(3), 2)
                    .masks(List.of(first, last))
                    .lastLayerAtZero(true)
                    .build(manager);
            assertThat(mlp.layer(1).weight().getArray().toFloatArray()).containsOnly(0f);
            assertThat(mlp.layer(1).bias().getArray().toFloatArray()).containsOnly(0f);
            float bound = (float) (1 / Math.sqrt(2));
            for (float w : mlp.layer(0).weight().getArray().toFloatArray()) {
                assertThat(Math.abs(w)).isLessThanOrEqualTo(bound);
            }

            mlp.layer(1).weight().getArray().addi(manager.ones(new Shape(2, 3)));
            Leaves store = new Leaves(manager);
            NDArray x = manager.create(new float[] {0.5f, -1.5f, 2f, 1f}, new Shape(2, 2));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = mlp.forward(x, StepContext.training(0, 0, 1, 1, manager, store));
                collector.backward(y.sum());
            }
            float[] g0 = store.gradient(mlp.layer(0).weight());
            float[] g1 = store.gradient(mlp.layer(1).weight());
            for (int i = 0; i < first.length; i++) {
                if (first[i] == 0) {
                    assertThat(g0[i]).as("cut weight 0[%d]", i).isZero();
                }
                if (last[i] == 0) {
                    assertThat(g1[i]).as("cut weight 1[%d]", i).isZero();
                }
            }
        }
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i])
                    .as("%s[%d]", what, i)
                    .isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
        }
    }
}
