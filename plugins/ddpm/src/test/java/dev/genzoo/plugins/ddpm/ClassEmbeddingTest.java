package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Condition;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.StepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The learned null class of classifier-free guidance (Ho and Salimans 2022, algorithm 1): training
 * replaces a label by it with probability p_uncond, as often as a binomial count allows, the same
 * labels again for the same step's seed; evaluation keeps every label, and a pass without one reads
 * the null row alone.
 */
final class ClassEmbeddingTest {
    private static final int CLASSES = 3;
    private static final int WIDTH = 4;

    /** A table whose row r holds r + 1 everywhere, so that a row tells which class it embeds. */
    private static ClassEmbedding known(NDManager manager, double unconditional) {
        ClassEmbedding embedding = new ClassEmbedding(manager, CLASSES, WIDTH, unconditional);
        float[] rows = new float[(CLASSES + 1) * WIDTH];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i / WIDTH + 1;
        }
        embedding.table().getArray().set(rows);
        return embedding;
    }

    private static StepContext training(NDManager manager, long step, long[] labels) {
        return StepContext.training(step, 0, 1_000, 1, manager, new ParameterStore(manager, false))
                .withCondition(Condition.label(manager.create(labels), CLASSES));
    }

    /** Each embedded row's class, CLASSES for the null row. */
    private static int[] rows(NDArray embedded) {
        float[] values = embedded.toFloatArray();
        int[] classes = new int[values.length / WIDTH];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = Math.round(values[i * WIDTH]) - 1;
            for (int j = 1; j < WIDTH; j++) {
                assertThat(values[i * WIDTH + j]).isEqualTo(values[i * WIDTH]);
            }
        }
        return classes;
    }

    @Test
    void trainingDropsLabelsAsOftenAsPUncondSays() {
        double p = 0.1;
        int steps = 400;
        int batch = 32;
        long[] labels = new long[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % CLASSES;
        }
        int dropped = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassEmbedding embedding = known(manager, p);
            NDArray like = manager.zeros(new Shape(batch, 2));
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    Engine.getInstance().setRandomSeed(1000 + step);
                    int[] classes = rows(embedding.embed(like, training(scope, step, labels)));
                    for (int i = 0; i < batch; i++) {
                        if (classes[i] == CLASSES) {
                            dropped++;
                        } else {
                            assertThat(classes[i]).as("a kept label's row").isEqualTo(labels[i]);
                        }
                    }
                }
            }
        }
        double n = (double) steps * batch;
        double fraction = dropped / n;
        System.out.printf("labels dropped: %.4f of %.0f (p_uncond %.2f)%n", fraction, n, p);
        // four binomial standard errors, sqrt(p (1 - p) / n) = 0.0027 here
        assertThat(fraction).isBetween(p - 4 * Math.sqrt(p * (1 - p) / n), p + 4 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void theSameStepSeedDropsTheSameLabels() {
        long[] labels = new long[64];
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassEmbedding embedding = known(manager, 0.5);
            NDArray like = manager.zeros(new Shape(64, 2));
            Engine.getInstance().setRandomSeed(7);
            int[] first = rows(embedding.embed(like, training(manager, 3, labels)));
            Engine.getInstance().setRandomSeed(8);
            int[] other = rows(embedding.embed(like, training(manager, 3, labels)));
            Engine.getInstance().setRandomSeed(7);
            int[] again = rows(embedding.embed(like, training(manager, 3, labels)));

            assertThat(again).containsExactly(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void evaluationKeepsEveryLabelAndAPassWithoutOneReadsTheNullRow() {
        long[] labels = {2, 0, 1, 1};
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassEmbedding embedding = known(manager, 1.0);
            NDArray like = manager.zeros(new Shape(8, 2));
            StepContext evaluation = StepContext.evaluation(0, manager, new ParameterStore(manager, false));

            assertThat(rows(embedding.embed(
                            like, evaluation.withCondition(Condition.label(manager.create(labels), 3)))))
                    .as("two blocks of the batch, as the bound's draws of t")
                    .containsExactly(2, 0, 1, 1, 2, 0, 1, 1);
            NDArray none = embedding.embed(like, evaluation);
            assertThat(none.getShape()).isEqualTo(new Shape(1, WIDTH));
            assertThat(rows(none)).containsExactly(CLASSES);
            assertThat(rows(embedding.embed(like, training(manager, 0, labels))))
                    .as("p_uncond = 1 drops them all in training")
                    .containsOnly(CLASSES)
                    .hasSize(8);
        }
    }

    @Test
    void bothDenoisersTakeAConditionOnlyWhenBuiltForOne() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape image = new Shape(1, 8, 8);
            BuildContext context = BuildContext.of(manager, image);
            GaussianDiffusion diffusion = (GaussianDiffusion)
                    TinyDiffusion.create(new GaussianDiffusion.Factory(), Map.of("timesteps", "10"), context);
            BuildContext built = context.withEncoder(diffusion);
            for (DecoderFactory factory :
                    List.of(new DenoisingDecoder.MlpFactory(), new DenoisingDecoder.UnetFactory())) {
                Decoder plain = TinyDiffusion.create(factory, Map.of(), built);
                Decoder conditional = TinyDiffusion.create(factory, Map.of(), built.withConditionSize(10));
                assertThat(plain.acceptsCondition()).isFalse();
                assertThat(conditional.acceptsCondition()).isTrue();
                assertThat(conditional.parameters().keys()).contains("class.embedding");
                assertThat(conditional.parameters().size())
                        .isEqualTo(plain.parameters().size() + 1);
                // the U-Net's last convolution starts at zero, so that every input predicts 0
                conditional.parameters().forEach(pair -> {
                    if (pair.getKey().equals("out.weight")) {
                        NDArray w = pair.getValue().getArray();
                        w.set(manager.randomNormal(0f, 0.1f, w.getShape(), DataType.FLOAT32)
                                .toFloatArray());
                    }
                });

                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.randomNormal(new Shape(4, 1, 8, 8));
                    StepContext pass = StepContext.evaluation(0, scope, new ParameterStore(scope, false));
                    NDArray t = scope.create(new long[] {3});
                    Denoiser denoiser = (Denoiser) conditional;
                    NDArray seven = denoiser.predictNoise(x, t, pass.withCondition(label(scope, 7)));
                    NDArray two = denoiser.predictNoise(x, t, pass.withCondition(label(scope, 2)));
                    NDArray none = denoiser.predictNoise(x, t, pass);
                    assertThat(seven.getShape()).isEqualTo(x.getShape());
                    assertThat(seven.sub(two).abs().max().getFloat())
                            .as(factory.name())
                            .isGreaterThan(1e-4f);
                    assertThat(seven.sub(none).abs().max().getFloat())
                            .as(factory.name())
                            .isGreaterThan(1e-4f);
                }
            }
        }
    }

    private static Condition label(NDManager manager, long c) {
        return Condition.label(manager.create(new long[] {c, c, c, c}), 10);
    }
}
