package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.genzoo.api.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A DDPM trained with L_simple on eight Gaussians on a ring (radius 2, deviation 0.1) draws samples
 * whose energy distance (Szekely and Rizzo 2013) to a held-out sample of the data is below 0.03,
 * where two held-out samples of the same size lie about 0.006 apart and N(0, I) lies about 0.24
 * from the data; most samples lie near a centre, and every one of the eight modes gets its share.
 */
final class EightGaussiansTrainingTest {
    private static final int STEPS = 1500;
    private static final int BATCH = 256;
    private static final int SAMPLES = 1000;

    @Test
    void samplesMatchAHeldOutSample() {
        Random random = new Random(5);
        try (TinyDiffusion d = new TinyDiffusion(
                new Shape(2),
                Map.of("timesteps", "200", "schedule", "cosine"),
                new DenoisingDecoder.MlpFactory(),
                Map.of("hidden", "128,128,128"),
                4)) {
            Objective loss = d.objective(new SimplifiedObjective.Factory(), Map.of());
            Adam adam = new Adam(d.decoder.parameters());
            for (int step = 0; step < STEPS; step++) {
                try (NDManager scope = d.manager.newSubManager()) {
                    NDArray x = scope.create(eightGaussians(random, BATCH), new Shape(BATCH, 2));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(loss.evaluate(x, d.model, d.training(scope, step))
                                .loss());
                    }
                    adam.step(2e-3f);
                }
            }
            float[] drawn;
            try (NDManager scope = d.manager.newSubManager()) {
                drawn = d.sampler(new AncestralSampling.Factory(), Map.of())
                        .sample(SAMPLES, d.evaluation(scope))
                        .toFloatArray();
            }
            float[] heldOut = eightGaussians(new Random(99), SAMPLES);
            float[] another = eightGaussians(new Random(100), SAMPLES);

            double model = energyDistance(drawn, heldOut);
            assertThat(energyDistance(another, heldOut)).isLessThan(0.015);
            assertThat(model)
                    .as("energy distance of the samples to held-out data")
                    .isLessThan(0.03);
            int[] perMode = new int[8];
            int near = 0;
            for (int i = 0; i < SAMPLES; i++) {
                double angle = Math.atan2(drawn[2 * i + 1], drawn[2 * i]);
                int mode = Math.floorMod((int) Math.round(angle / (Math.PI / 4)), 8);
                double cx = 2 * Math.cos(mode * Math.PI / 4);
                double cy = 2 * Math.sin(mode * Math.PI / 4);
                if (Math.hypot(drawn[2 * i] - cx, drawn[2 * i + 1] - cy) < 0.5) {
                    near++;
                    perMode[mode]++;
                }
            }
            // five deviations from a centre holds all but 4e-6 of the data
            assertThat(near)
                    .as("samples within 0.5 of a centre (energy distance %.4f)", model)
                    .isGreaterThan(85 * SAMPLES / 100);
            for (int mode = 0; mode < 8; mode++) {
                assertThat(perMode[mode]).as("mode %d", mode).isBetween(SAMPLES / 16, SAMPLES / 5);
            }
        }
    }

    /** 2 E|X - Y| - E|X - X'| - E|Y - Y'| over all pairs of two samples of points. */
    static double energyDistance(float[] a, float[] b) {
        return 2 * meanDistance(a, b) - meanDistance(a, a) - meanDistance(b, b);
    }

    private static double meanDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i += 2) {
            for (int j = 0; j < b.length; j += 2) {
                sum += Math.hypot(a[i] - b[j], a[i + 1] - b[j + 1]);
            }
        }
        return sum / ((a.length / 2.0) * (b.length / 2.0));
    }

    static float[] eightGaussians(Random random, int n) {
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double angle = random.nextInt(8) * Math.PI / 4;
            points[2 * i] = (float) (2 * Math.cos(angle) + 0.1 * random.nextGaussian());
            points[2 * i + 1] = (float) (2 * Math.sin(angle) + 0.1 * random.nextGaussian());
        }
        return points;
    }

    /** Adam (Kingma and Ba 2015, algorithm 1) written out, updating parameters in place. */
    private static final class Adam {
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<NDArray> first = new ArrayList<>();
        private final List<NDArray> second = new ArrayList<>();
        private int t;

        Adam(Iterable<Pair<String, Parameter>> list) {
            for (Pair<String, Parameter> pair : list) {
                NDArray array = pair.getValue().getArray();
                parameters.add(pair.getValue());
                first.add(array.zerosLike());
                second.add(array.zerosLike());
            }
        }

        void step(float rate) {
            t++;
            float correction1 = (float) (1 - Math.pow(0.9, t));
            float correction2 = (float) (1 - Math.pow(0.999, t));
            for (int i = 0; i < parameters.size(); i++) {
                NDArray weights = parameters.get(i).getArray();
                try (NDArray gradient = weights.getGradient()) {
                    first.get(i).muli(0.9f).addi(gradient.mul(0.1f));
                    second.get(i).muli(0.999f).addi(gradient.square().muli(0.001f));
                    NDArray update = first.get(i)
                            .div(correction1)
                            .div(second.get(i).div(correction2).sqrt().add(1e-8f))
                            .muli(rate);
                    weights.subi(update);
                    update.close();
                    gradient.subi(gradient);
                }
            }
        }
    }
}
