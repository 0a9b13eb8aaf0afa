package dev.genzoo.plugins.iwae;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gradient of the {@code iwae} loss (K = 4) with respect to every element of every parameter of
 * the encoder and decoder against central finite differences of the loss on the same noise, by the
 * test kit's {@link GradientCheck} (which overwrites freed direct memory between forward and
 * backward, so a factor autograd kept in a Java-owned buffer would show up); each parameter moves
 * the loss.
 */
final class ImportanceWeightedBoundGradientTest {
    private static final int SEED = 23;
    private static final int B = 3;
    private static final float STEP = 1e-2f;

    @Test
    void matchesFiniteDifferences() {
        try (LinearModel m = new LinearModel(12, 1.5f)) {
            ImportanceWeightedBound objective = new ImportanceWeightedBound(4);
            float[] batch = LinearModel.binaryBatch(B);
            int checked = GradientCheck.of(scope -> objective
                            .evaluate(LinearModel.vectors(scope, batch), m.model, m.training(scope))
                            .loss())
                    .seed(SEED)
                    .step(STEP)
                    .probing(List.of(m.a, m.aBias, m.s, m.sBias, m.w, m.c))
                    .everyElement()
                    .everyParameterMatters()
                    .verify(m.manager);
            assertThat(checked).isEqualTo(2 * 6 * 3 + 2 * 3 + 3 * 6 + 6);
        }
    }
}
