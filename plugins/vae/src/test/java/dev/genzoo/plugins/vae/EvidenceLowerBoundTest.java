package dev.genzoo.plugins.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.StandardNormal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code elbo} objective's options on a fixed tiny model and batch: analytic and Monte Carlo KL
 * agree in expectation (within five standard errors of the averaged estimates), beta weights only
 * the loss, warm-up scales the KL weight linearly in training only, samples average draws, and a
 * prior without a closed-form KL is refused under kl=analytic.
 */
final class EvidenceLowerBoundTest {
    private static final int B = 4;
    private static final int REPEATS = 60;

    private TinyVae vae;
    private float[] batch;

    @BeforeEach
    void setUp() {
        vae = TinyVae.bernoulli(3);
        batch = TinyVae.binaryBatch(B);
        Engine.getInstance().setRandomSeed(30);
    }

    @AfterEach
    void tearDown() {
        vae.close();
    }

    /** What one evaluation computed, copied out of its scope. */
    private record Outcome(double loss, Map<String, Double> terms, double[] bound) {
        double term(String name) {
            assertThat(terms).containsKey(name);
            return terms.get(name);
        }

        double meanBound() {
            double sum = 0;
            for (double b : bound) {
                sum += b;
            }
            return sum / bound.length;
        }
    }

    private Outcome evaluate(Objective objective, GenerativeModel model, Function<NDManager, StepContext> context) {
        try (NDManager scope = vae.manager.newSubManager()) {
            NDArray x = TinyVae.images(scope, batch);
            ObjectiveValue value = objective.evaluate(x, model, context.apply(scope));
            assertThat(value.loss().getShape()).isEqualTo(new Shape());
            Map<String, Double> terms = new LinkedHashMap<>();
            value.terms().forEach((name, term) -> terms.put(name, (double) term.getFloat()));
            NDArray bound = value.bound().orElseThrow();
            assertThat(bound.getShape()).isEqualTo(new Shape(B));
            float[] perExample = bound.toFloatArray();
            double[] widened = new double[B];
            for (int b = 0; b < B; b++) {
                widened[b] = perExample[b];
            }
            return new Outcome(value.loss().getFloat(), terms, widened);
        }
    }

    private Outcome evaluate(Objective objective) {
        return evaluate(objective, vae.model, vae::evaluation);
    }

    private Outcome train(Objective objective, long step, long stepsPerEpoch) {
        return evaluate(objective, vae.model, scope -> vae.training(scope, step, stepsPerEpoch));
    }

    /** Mean and standard error of a statistic over repeated evaluations. */
    private record Estimate(double mean, double standardError, double variance) {}

    private Estimate repeat(Objective objective, int times, Function<Outcome, Double> statistic) {
        double sum = 0;
        double sumSquares = 0;
        for (int r = 0; r < times; r++) {
            double v = statistic.apply(evaluate(objective));
            sum += v;
            sumSquares += v * v;
        }
        double mean = sum / times;
        double variance = (sumSquares - times * mean * mean) / (times - 1);
        return new Estimate(mean, Math.sqrt(variance / times), variance);
    }

    @Test
    void analyticAndMonteCarloKlAgreeInExpectation() {
        Objective analytic = vae.elbo(Map.of("kl", "analytic", "samples", "50"));
        Objective monteCarlo = vae.elbo(Map.of("kl", "monte-carlo", "samples", "50"));

        Estimate exactKl = repeat(analytic, 5, o -> o.term("kl"));
        Estimate sampledKl = repeat(monteCarlo, REPEATS, o -> o.term("kl"));
        Estimate analyticBound = repeat(analytic, REPEATS, Outcome::meanBound);
        Estimate monteCarloBound = repeat(monteCarlo, REPEATS, Outcome::meanBound);

        assertThat(exactKl.mean()).isPositive();
        assertThat(exactKl.standardError()).isLessThan(1e-6);
        assertThat(sampledKl.standardError()).isPositive();
        assertThat(sampledKl.mean()).isCloseTo(exactKl.mean(), within(5 * sampledKl.standardError()));
        double both = Math.hypot(analyticBound.standardError(), monteCarloBound.standardError());
        assertThat(monteCarloBound.mean()).isCloseTo(analyticBound.mean(), within(5 * both));
        // Monte Carlo KL adds noise to the bound; the closed form does not.
        assertThat(monteCarloBound.variance()).isGreaterThan(analyticBound.variance());
    }

    @Test
    void autoUsesTheClosedFormForAGaussianPair() {
        Outcome auto = evaluate(vae.elbo(Map.of()));
        Outcome analytic = evaluate(vae.elbo(Map.of("kl", "analytic")));

        assertThat(auto.term("kl")).isEqualTo(analytic.term("kl"));
    }

    @Test
    void betaZeroLeavesOnlyTheReconstruction() {
        Outcome outcome = evaluate(vae.elbo(Map.of("beta", "0")));

        assertThat(outcome.loss()).isCloseTo(outcome.term("reconstruction"), within(1e-6));
        assertThat(outcome.term("kl")).isPositive();
    }

    @Test
    void betaWeightsTheKlInTheLossButNotInTheBound() {
        Engine.getInstance().setRandomSeed(8);
        Outcome weighted = evaluate(vae.elbo(Map.of("beta", "2.5")));
        Engine.getInstance().setRandomSeed(8);
        Outcome plain = evaluate(vae.elbo(Map.of()));

        double reconstruction = weighted.term("reconstruction");
        double kl = weighted.term("kl");
        assertThat(weighted.loss()).isCloseTo(reconstruction + 2.5 * kl, within(1e-5 * (1 + weighted.loss())));
        assertThat(plain.loss()).isCloseTo(reconstruction + kl, within(1e-5 * (1 + plain.loss())));
        // The bound is the ELBO itself: the same draws give the same bound whatever beta is.
        assertThat(weighted.bound()).containsExactly(plain.bound());
        assertThat(weighted.meanBound())
                .isCloseTo(-(reconstruction + kl), within(1e-5 * (1 + Math.abs(weighted.meanBound()))));
    }

    @Test
    void warmUpRaisesTheKlWeightLinearlyDuringTraining() {
        Objective objective = vae.elbo(Map.of("beta", "2", "warmup-epochs", "4"));

        // Ten steps per epoch: step 20 is two epochs in, half of the warm-up; step 25 is two and a
        // half epochs in, and the weight follows the fraction, not the whole epoch.
        Map<Long, Double> expected = Map.of(0L, 0.0, 20L, 1.0, 25L, 1.25, 30L, 1.5, 40L, 2.0, 80L, 2.0);
        expected.forEach((step, weight) -> {
            Outcome outcome = train(objective, step, 10);
            assertThat(outcome.term("kl-weight")).as("step %d", step).isCloseTo(weight, within(1e-6));
            assertThat(outcome.loss())
                    .as("loss at step %d", step)
                    .isCloseTo(
                            outcome.term("reconstruction") + weight * outcome.term("kl"),
                            within(1e-5 * (1 + outcome.loss())));
        });
    }

    @Test
    void evaluationUsesTheFullKlWeight() {
        Outcome outcome = evaluate(vae.elbo(Map.of("beta", "2", "warmup-epochs", "4")));

        assertThat(outcome.term("kl-weight")).isEqualTo(2.0);
        assertThat(outcome.loss())
                .isCloseTo(
                        outcome.term("reconstruction") + 2 * outcome.term("kl"), within(1e-5 * (1 + outcome.loss())));
    }

    @Test
    void withoutWarmUpThereIsNoKlWeightTerm() {
        Outcome outcome = train(vae.elbo(Map.of()), 0, 10);

        assertThat(outcome.terms()).containsOnlyKeys("reconstruction", "kl");
        assertThat(outcome.loss())
                .isCloseTo(outcome.term("reconstruction") + outcome.term("kl"), within(1e-5 * (1 + outcome.loss())));
    }

    /**
     * With S draws averaged, the bound's variance across evaluations falls by S (here 16). The
     * ratio of two sample variances over 150 evaluations each is within a factor 2.5 of the truth
     * with overwhelming probability (its log has a standard deviation of about 0.16).
     */
    @Test
    void samplesAverageDrawsAndShrinkTheVarianceBySamples() {
        int times = 150;
        Estimate one = repeat(vae.elbo(Map.of("kl", "analytic")), times, Outcome::meanBound);
        Estimate sixteen = repeat(vae.elbo(Map.of("kl", "analytic", "samples", "16")), times, Outcome::meanBound);

        double ratio = one.variance() / sixteen.variance();
        assertThat(ratio).isBetween(16 / 2.5, 16 * 2.5);
        double both = Math.hypot(one.standardError(), sixteen.standardError());
        assertThat(sixteen.mean()).isCloseTo(one.mean(), within(5 * both));
    }

    @Test
    void analyticKlNeedsAClosedForm() {
        GenerativeModel model = new GenerativeModel(vae.encoder, new OpaquePrior(), vae.decoder);
        Objective analytic = vae.elbo(Map.of("kl", "analytic"));

        assertThatThrownBy(() -> evaluate(analytic, model, vae::evaluation))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("analytic")
                .hasMessageContaining("monte-carlo");
    }

    /** kl=auto falls back to Monte Carlo, whose average is the closed form the prior hides. */
    @Test
    void autoFallsBackToMonteCarloWithoutAClosedForm() {
        GenerativeModel opaque = new GenerativeModel(vae.encoder, new OpaquePrior(), vae.decoder);
        Objective auto = vae.elbo(Map.of("samples", "50"));
        double exact = evaluate(vae.elbo(Map.of("kl", "analytic"))).term("kl");

        double sum = 0;
        double sumSquares = 0;
        for (int r = 0; r < REPEATS; r++) {
            double kl = evaluate(auto, opaque, vae::evaluation).term("kl");
            sum += kl;
            sumSquares += kl * kl;
        }
        double mean = sum / REPEATS;
        double standardError = Math.sqrt((sumSquares / REPEATS - mean * mean) / (REPEATS - 1));
        assertThat(standardError).isPositive();
        assertThat(mean).isCloseTo(exact, within(5 * standardError));
    }

    /** N(0, I) that will not tell its KL: a stand-in for a learned prior without a closed form. */
    private static final class OpaquePrior implements Prior {
        @Override
        public Distribution distribution(StepContext context) {
            StandardNormal inner = new StandardNormal(context.manager(), new Shape(TinyVae.LATENT));
            return new Distribution() {
                @Override
                public Shape batchShape() {
                    return inner.batchShape();
                }

                @Override
                public Shape eventShape() {
                    return inner.eventShape();
                }

                @Override
                public NDArray sample(Shape sampleShape) {
                    return inner.sample(sampleShape);
                }

                @Override
                public NDArray logProb(NDArray value) {
                    return inner.logProb(value);
                }

                @Override
                public NDArray mean() {
                    return inner.mean();
                }
            };
        }
    }
}
