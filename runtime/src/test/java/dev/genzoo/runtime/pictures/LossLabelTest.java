package dev.genzoo.runtime.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loss curve's unit: nats per example when the loss is minus the bound up to a constant. */
final class LossLabelTest {

    @Test
    void minusTheBoundOrMinusTheBoundAndACellVolumeIsInNats() {
        assertThat(Pictures.lossLabel(new double[] {30, 25}, new double[] {-30, -25}))
                .isEqualTo("loss (nats per example)");
        // a flow on dequantized pixels: loss = -(bound + 64 log 17)
        assertThat(Pictures.lossLabel(new double[] {60, 50}, new double[] {-241.3257, -231.3257}))
                .isEqualTo("loss (nats per example)");
    }

    @Test
    void aNoisePredictionLossOrOneWithoutABoundIsInTheObjectivesUnits() {
        assertThat(Pictures.lossLabel(new double[] {0.98, 0.95}, new double[] {-663.7, -636.6}))
                .isEqualTo("loss (the objective's own units, per example)");
        assertThat(Pictures.lossLabel(new double[] {2.2}, new double[] {Double.NaN}))
                .isEqualTo("loss (the objective's own units, per example)");
    }
}
