package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.genzoo.api.Prior;
import dev.genzoo.api.distribution.Distribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transformer prior over code grids against exact computations on grids small enough to
 * enumerate: the probabilities of all K^(h*w) grids sum to one (which fails if a position sees its
 * own or later codes), the logits at a position ignore later codes, ancestral samples occur with
 * the model's probabilities (within five standard errors), and the log-probability is
 * differentiable with respect to the transformer's weights only.
 */
final class TransformerCodePriorTest {
    private static final Map<String, String> SMALL = Map.of("codes", "3", "code-dim", "2");
    private static final Map<String, String> NETWORK = Map.of("width", "8", "layers", "2", "heads", "2");

    /** A VQ-VAE on images of the given size and a transformer prior with weights far from uniform. */
    private static Prior sharpPrior(TinyVqVae vq) {
        Prior prior = vq.prior(new TransformerCodePrior.Factory(), NETWORK);
        for (Pair<String, Parameter> pair : prior.parameters()) {
            if (!pair.getKey().contains("norm")) {
                pair.getValue().getArray().muli(60);
            }
        }
        return prior;
    }

    /** Every grid of {@code positions} codes out of {@code codes}, as [codes^positions, positions]. */
    private static long[] allGrids(int codes, int positions) {
        int count = (int) Math.pow(codes, positions);
        long[] grids = new long[count * positions];
        for (int g = 0; g < count; g++) {
            int rest = g;
            for (int q = positions - 1; q >= 0; q--) {
                grids[g * positions + q] = rest % codes;
                rest /= codes;
            }
        }
        return grids;
    }

    @Test
    void theProbabilitiesOfAllGridsSumToOne() {
        try (TinyVqVae vq = new TinyVqVae(21, SMALL, new Shape(1, 4, 6));
                NDManager scope = vq.manager.newSubManager()) {
            Prior prior = sharpPrior(vq);
            EncoderCodebook codebook = EncoderCodebook.of(
                    dev.genzoo.api.BuildContext.of(vq.manager, vq.data).withEncoder(vq.encoder));
            assertThat(codebook.positions()).isEqualTo(6);
            long[] grids = allGrids(3, 6);
            NDArray vectors = codebook.vectors(scope.create(grids, new Shape(729, 2, 3)));
            float[] logP =
                    prior.distribution(vq.evaluation(scope)).logProb(vectors).toFloatArray();
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logP) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : logP) {
                sum += Math.exp(v - max);
            }
            assertThat(max + Math.log(sum)).isCloseTo(0, within(1e-4));
            assertThat(Math.exp(max)).as("the distribution is far from uniform").isGreaterThan(20.0 / 729);
        }
    }

    @Test
    void logitsAtAPositionIgnoreLaterCodes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            CausalTransformer transformer = new CausalTransformer(manager, 5, 4, 6, 8, 2, 2);
            transformer.parameters().forEach(pair -> pair.getValue().getArray().muli(30));
            FreshLeaves store = new FreshLeaves(manager);
            var context = dev.genzoo.api.StepContext.evaluation(0, manager, store);
            NDArray a = manager.create(new long[] {4, 0, 1, 2, 3, 0}, new Shape(1, 6));
            NDArray b = manager.create(new long[] {4, 0, 1, 3, 1, 2}, new Shape(1, 6));
            float[] la = transformer.logits(a, context).toFloatArray();
            float[] lb = transformer.logits(b, context).toFloatArray();
            for (int i = 0; i < 3 * 4; i++) {
                assertThat(lb[i]).as("logit %d of positions 0..2", i).isCloseTo(la[i], within(1e-4f));
            }
            boolean laterDiffer = false;
            for (int i = 3 * 4; i < la.length; i++) {
                laterDiffer |= Math.abs(la[i] - lb[i]) > 1e-3;
            }
            assertThat(laterDiffer)
                    .as("positions 3..5 do see the changed codes")
                    .isTrue();
        }
    }

    @Test
    void samplesOccurWithTheModelsProbabilities() {
        int draws = 20000;
        try (TinyVqVae vq = new TinyVqVae(22, SMALL, new Shape(1, 2, 4));
                NDManager scope = vq.manager.newSubManager()) {
            Prior prior = sharpPrior(vq);
            EncoderCodebook codebook = EncoderCodebook.of(
                    dev.genzoo.api.BuildContext.of(vq.manager, vq.data).withEncoder(vq.encoder));
            Distribution p = prior.distribution(vq.evaluation(scope));
            float[] logP = p.logProb(codebook.vectors(scope.create(allGrids(3, 2), new Shape(9, 1, 2))))
                    .toFloatArray();
            Engine.getInstance().setRandomSeed(17);
            NDArray drawn = p.sample(new Shape(draws));
            assertThat(drawn.getShape()).isEqualTo(new Shape(draws, 2, 1, 2));
            long[] codes = codebook.indices(drawn).toLongArray();
            int[] counts = new int[9];
            for (int n = 0; n < draws; n++) {
                counts[(int) (codes[2 * n] * 3 + codes[2 * n + 1])]++;
            }
            for (int g = 0; g < 9; g++) {
                double probability = Math.exp(logP[g]);
                double standardError = Math.sqrt(probability * (1 - probability) / draws);
                assertThat(counts[g] / (double) draws)
                        .as("grid %d", g)
                        .isCloseTo(probability, within(5 * standardError + 1e-4));
            }
        }
    }

    @Test
    void theLogProbabilityTrainsTheTransformerAndNotTheCodebook() {
        try (TinyVqVae vq = new TinyVqVae(23, SMALL, new Shape(1, 4, 6));
                NDManager scope = vq.manager.newSubManager()) {
            Prior prior = vq.prior(new TransformerCodePrior.Factory(), NETWORK);
            NDArray grids = vq.prior.distribution(vq.evaluation(scope)).sample(new Shape(5));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                vq.store.clear();
                collector.backward(prior.distribution(vq.training(scope))
                        .logProb(grids)
                        .mean()
                        .neg());
            }
            double largest = 0;
            for (Pair<String, Parameter> pair : prior.parameters()) {
                for (float g : vq.store.gradient(pair.getValue())) {
                    largest = Math.max(largest, Math.abs(g));
                }
            }
            assertThat(largest).isGreaterThan(1e-4);
            assertThat(vq.store.gradient(vq.codebook())).containsOnly(0f);
        }
    }
}
