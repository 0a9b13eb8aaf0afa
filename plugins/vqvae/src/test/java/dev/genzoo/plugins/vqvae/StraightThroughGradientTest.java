package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.genzoo.api.Encoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The straight-through estimator (van den Oord et al. 2017, section 3.2): the gradient of the
 * reconstruction term that reaches the encoder's weights equals J^T g, where g is the gradient of
 * -log p(x|z) with respect to the decoder's input taken at z = z_q, computed on its own, and J the
 * Jacobian of z_e with respect to the weights (obtained by back-propagating g through z_e alone).
 * With beta = 0 no other term reaches the encoder.
 */
final class StraightThroughGradientTest {

    @Test
    void theEncoderReceivesTheDecodersGradientAtZq() {
        try (TinyVqVae vq = new TinyVqVae(7, Map.of("beta", "0"))) {
            List<Parameter> weights = encoderWeights(vq);
            List<float[]> throughObjective = new ArrayList<>();
            try (NDManager scope = vq.manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                vq.store.clear();
                NDArray x = TinyVqVae.images(scope, 6);
                collector.backward(
                        vq.objective.evaluate(x, vq.model, vq.training(scope)).loss());
                weights.forEach(p -> throughObjective.add(vq.store.gradient(p)));
            }

            float[] g;
            try (NDManager scope = vq.manager.newSubManager()) {
                NDArray x = TinyVqVae.images(scope, 6);
                Encoding.PointMass encoding = (Encoding.PointMass) vq.encoder.encode(x, vq.evaluation(scope));
                NDArray zq = encoding.extra(VqConvEncoder.Z_Q).orElseThrow().duplicate();
                zq.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    vq.store.clear();
                    NDArray rec = vq.decoder
                            .decode(zq, vq.training(scope))
                            .logProb(x)
                            .mean()
                            .neg();
                    collector.backward(rec);
                }
                g = zq.getGradient().toFloatArray();
            }

            List<float[]> jacobianTimesG = new ArrayList<>();
            try (NDManager scope = vq.manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                vq.store.clear();
                NDArray x = TinyVqVae.images(scope, 6);
                Encoding.PointMass encoding = (Encoding.PointMass) vq.encoder.encode(x, vq.training(scope));
                NDArray ze = encoding.extra(VqConvEncoder.Z_E).orElseThrow();
                NDArray weight = scope.create(g, ze.getShape()).duplicate();
                collector.backward(ze.mul(weight).sum());
                weights.forEach(p -> jacobianTimesG.add(vq.store.gradient(p)));
            }

            double largest = 0;
            for (int i = 0; i < weights.size(); i++) {
                float[] got = throughObjective.get(i);
                float[] expected = jacobianTimesG.get(i);
                assertThat(got).hasSameSizeAs(expected);
                for (int j = 0; j < got.length; j++) {
                    assertThat(got[j])
                            .as("%s[%d]", weights.get(i).getName(), j)
                            .isCloseTo(expected[j], within(1e-5f + 1e-4f * Math.abs(expected[j])));
                    largest = Math.max(largest, Math.abs(expected[j]));
                }
            }
            assertThat(largest).as("the gradient is not trivially zero").isGreaterThan(1e-3);
        }
    }

    /** The encoder's network weights: every parameter but the codebook. */
    static List<Parameter> encoderWeights(TinyVqVae vq) {
        List<Parameter> weights = new ArrayList<>();
        for (Pair<String, Parameter> pair : vq.encoder.parameters()) {
            if (!pair.getKey().equals(VectorQuantizer.CODEBOOK_NAME)) {
                weights.add(pair.getValue());
            }
        }
        return weights;
    }
}
