package dev.genzoo.contract;

import static dev.genzoo.contract.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.ObjectiveFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every genzoo objective meets, as a JUnit 5 base class: extend it with one small
 * class naming your objective's factory (and options), and the checks below run against a model
 * whose log p(x) is exact, chosen by the encoder kind your objective accepts ({@link ExactModel}).
 *
 * <pre>{@code
 * final class MyBoundContractTest extends ObjectiveContract {
 *     @Override
 *     protected ObjectiveFactory objective() {
 *         return new MyBound.Factory();
 *     }
 *
 *     @Override
 *     protected Map<String, String> options() {
 *         return Map.of("k", "8");
 *     }
 * }
 * }</pre>
 *
 * <p>The checks, each a test:
 *
 * <ol>
 *   <li>the bound is at most the exact log-density in expectation: the mean over {@value #EXAMPLES}
 *       examples (each averaged over {@value #REPEATS} draws) of bound - log p(x) is not above zero
 *       by more than 4 standard errors plus 1e-3 nats (float32 rounding), with the model's starting
 *       encoder;
 *   <li>the same with the encoder set to the exact posterior, where a bound can be tight and an
 *       excess of a hundredth of a nat shows; skipped, with the model's reason, where the encoder
 *       cannot be set to a posterior ({@link ExactModel#useExactPosterior}: bijections, point
 *       masses, fixed processes);
 *   <li>the gradients of the loss are finite, and not all zero;
 *   <li>training with genzoo's own training step and Adam ({@value #TRAINING_STEPS} steps of
 *       {@value #TRAINING_BATCH} fresh samples of the true model) raises the bound on held-out
 *       samples by more than 4 standard errors of the paired difference, and leaves it a bound;
 *   <li>it runs on the configured device ({@link ContractDevice}: {@code cpu} unless {@code
 *       -Dgenzoo.contract.device=gpu}): loss and bound live there;
 *   <li>the same seed gives the same loss and bound, bit for bit, in evaluation and in training
 *       passes.
 * </ol>
 *
 * <p>Which log-density bounds the bound depends on the fixture ({@link ExactModel}): the model's
 * own for density and point-mass encoders (below it for every x), the data's for bijections and
 * fixed processes (below it in expectation, by Gibbs' inequality). The tolerances follow from the
 * estimator's standard error, computed from the data; a true claim fails about 3 times in
 * 100,000. The objective must accept the fixture's model as the runtime would ({@link
 * dev.genzoo.api.Objective#incompatibility}). Override {@link #exactModel} to check against a
 * model of your own, as a family whose encoder is not a density must.
 */
public abstract class ObjectiveContract {
    /** Held-out examples the bound is averaged over. */
    protected static final int EXAMPLES = 256;
    /** Independent draws of the bound per example. */
    protected static final int REPEATS = 4;
    /** Steps of the training check. */
    protected static final int TRAINING_STEPS = 150;
    /** Examples per step of the training check. */
    protected static final int TRAINING_BATCH = 64;
    /** Adam's step size in the training check. */
    protected static final double LEARNING_RATE = 0.02;

    /**
     * The factory of the objective under test.
     *
     * @return the factory
     */
    protected abstract ObjectiveFactory objective();

    /**
     * The objective's options, as a user would give them with {@code -P key=value}.
     *
     * @return the options, none by default
     */
    protected Map<String, String> options() {
        return Map.of();
    }

    /**
     * The exact model for an encoder kind; the kit's by default.
     *
     * @param kind an encoder kind
     * @param manager a fresh manager on the configured device, to be owned by the model
     * @return the model
     * @throws UnsupportedOperationException if there is none for that kind
     */
    protected ExactModel exactModel(EncoderKind kind, NDManager manager) {
        return ExactModel.forKind(kind, manager);
    }

    /**
     * The objective built on the first exact model whose encoder kind it accepts.
     *
     * @return the objective under test; close it
     */
    protected final ObjectiveUnderTest open() {
        Device device = ContractDevice.configured();
        Set<EncoderKind> accepted = Set.of();
        List<EncoderKind> without = new ArrayList<>();
        for (EncoderKind kind : EncoderKind.values()) {
            ExactModel exact;
            try {
                exact = exactModel(kind, NDManager.newBaseManager(device));
            } catch (UnsupportedOperationException e) {
                without.add(kind);
                continue;
            }
            ObjectiveUnderTest candidate = ObjectiveUnderTest.create(objective(), options(), exact);
            accepted = candidate.objective().acceptedEncoders();
            if (accepted.contains(kind)) {
                Optional<String> reason =
                        candidate.objective().incompatibility(candidate.exact().model());
                if (reason.isPresent()) {
                    candidate.close();
                    return fail("objective '" + objective().name() + "' cannot train the exact model: " + reason.get());
                }
                return candidate;
            }
            candidate.close();
        }
        return fail("objective '" + objective().name() + "' accepts encoders of kinds " + accepted
                + ", and the contract kit has no exact model for " + without
                + "; override exactModel to bring one");
    }

    @Test
    public void theBoundIsAtMostTheExactLogLikelihood() {
        try (ObjectiveUnderTest under = open()) {
            float[] heldOut = under.exact().sample(EXAMPLES, 101);
            double[] exact = under.exact().logLikelihood(heldOut);
            assertThat(meanBound(under, heldOut).minus(exact))
                    .as("bound - exact log p(x), with the starting encoder")
                    .isAtMost(0);
        }
    }

    @Test
    public void theBoundIsAtMostTheExactLogLikelihoodAtTheExactPosterior() {
        try (ObjectiveUnderTest under = open()) {
            float[] heldOut = under.exact().sample(EXAMPLES, 101);
            double[] exact = under.exact().logLikelihood(heldOut);
            try {
                under.exact().useExactPosterior();
            } catch (UnsupportedOperationException e) {
                Assumptions.abort("no exact posterior to check at: " + e.getMessage());
            }
            assertThat(meanBound(under, heldOut).minus(exact))
                    .as("bound - exact log p(x), with the exact posterior as encoder")
                    .isAtMost(0);
        }
    }

    /** Each example's bound averaged over {@value #REPEATS} draws. */
    private static BoundEstimate meanBound(ObjectiveUnderTest under, float[] examples) {
        int n = examples.length / Math.toIntExact(under.exact().dataShape().size());
        double[] mean = new double[n];
        for (int r = 0; r < REPEATS; r++) {
            double[] bound = under.bound(examples, n, 200 + r);
            for (int i = 0; i < n; i++) {
                mean[i] += bound[i] / REPEATS;
            }
        }
        return BoundEstimate.of(mean);
    }

    @Test
    public void theGradientsAreFinite() {
        try (ObjectiveUnderTest under = open()) {
            Gradients gradients = under.gradients(under.exact().sample(TRAINING_BATCH, 102), 7);
            assertThat(gradients).areFinite().areNotAllZero();
        }
    }

    @Test
    public void trainingOnTheModelsSamplesImprovesTheBound() {
        try (ObjectiveUnderTest under = open()) {
            float[] heldOut = under.exact().sample(EXAMPLES, 103);
            BoundEstimate before = BoundEstimate.of(under.bound(heldOut, EXAMPLES, 300));
            under.train(TRAINING_STEPS, TRAINING_BATCH, LEARNING_RATE, 5);
            BoundEstimate after = BoundEstimate.of(under.bound(heldOut, EXAMPLES, 300));
            assertThat(after.minus(before))
                    .as("bound after training - bound before")
                    .isPositive();
            assertThat(after.minus(under.exact().logLikelihood(heldOut)))
                    .as("bound after training - exact log p(x) of the trained model")
                    .isAtMost(0);
        }
    }

    @Test
    public void runsOnTheConfiguredDevice() {
        try (ObjectiveUnderTest under = open()) {
            Device device = ContractDevice.configured();
            assertThat(under.device()).isEqualTo(device);
            assertThat(under.devicesOfOnePass(under.exact().sample(8, 104))).containsOnly(device);
        }
    }

    @Test
    public void theSameSeedGivesTheSameValue() {
        try (ObjectiveUnderTest under = open()) {
            float[] batch = under.exact().sample(16, 105);
            assertThat(under.values(batch, 11, false)).containsExactly(under.values(batch, 11, false));
            assertThat(under.values(batch, 11, true)).containsExactly(under.values(batch, 11, true));
        }
    }
}
