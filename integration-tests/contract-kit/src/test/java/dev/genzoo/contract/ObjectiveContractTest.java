package dev.genzoo.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.ObjectiveFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit itself: a correct ELBO passes every check (the nested class runs the whole contract on
 * it), and an objective broken in one way fails the check meant to catch that way.
 */
final class ObjectiveContractTest {

    /** The contract as a third party runs it, on a correct single-sample ELBO. */
    @Nested
    final class ACorrectElbo extends ObjectiveContract {
        @Override
        protected ObjectiveFactory objective() {
            return TestObjectives.factory(TestObjectives.Flaw.NONE);
        }
    }

    private static ObjectiveContract contractFor(TestObjectives.Flaw flaw) {
        return new ObjectiveContract() {
            @Override
            protected ObjectiveFactory objective() {
                return TestObjectives.factory(flaw);
            }
        };
    }

    @Test
    void aReconstructionThatIsNoBoundFailsTheBoundCheck() {
        // with the poor starting encoder the reconstruction is low enough; at the exact posterior it is not
        assertThatThrownBy(() -> contractFor(TestObjectives.Flaw.NO_BOUND)
                        .theBoundIsAtMostTheExactLogLikelihoodAtTheExactPosterior())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("bound - exact log p(x), with the exact posterior")
                .hasMessageContaining("expected a mean of at most 0");
    }

    @Test
    void aNanGradientFailsTheGradientCheck() {
        assertThatThrownBy(() -> contractFor(TestObjectives.Flaw.NAN_GRADIENT).theGradientsAreFinite())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void anObjectiveThatTrainsNothingFailsTheTrainingCheck() {
        assertThatThrownBy(() ->
                        contractFor(TestObjectives.Flaw.NOTHING_TRAINS).trainingOnTheModelsSamplesImprovesTheBound())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("clearly positive");
        assertThatThrownBy(() -> contractFor(TestObjectives.Flaw.NOTHING_TRAINS).theGradientsAreFinite())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("every gradient is zero");
    }
}
