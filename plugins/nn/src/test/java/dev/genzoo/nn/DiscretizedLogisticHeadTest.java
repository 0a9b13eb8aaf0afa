package dev.genzoo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.DiscretizedLogistic;
import org.junit.jupiter.api.Test;

/**
 * The discretized logistic head reads a network's 2C channels as C locations, then C log-scales,
 * keeps the sample and batch axes in front, and floors the log-scale at -7.
 */
final class DiscretizedLogisticHeadTest {
    private static final Shape DATA = new Shape(3, 2, 2);

    @Test
    void theFirstHalfOfTheChannelsLocatesAndTheSecondScalesEachPixel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StepContext context = StepContext.evaluation(0, manager, new ParameterStore(manager, false));
            // [samples 2, batch 1, 6 channels, 2, 2]: value 10 * channel + pixel, negative for scales.
            float[] values = new float[2 * 6 * 4];
            for (int s = 0; s < 2; s++) {
                for (int c = 0; c < 6; c++) {
                    for (int p = 0; p < 4; p++) {
                        values[(s * 6 + c) * 4 + p] = c < 3 ? 10 * c + p + 100 * s : -(c - 3) - 3 * p;
                    }
                }
            }
            NDArray outputs = manager.create(values, new Shape(2, 1, 6, 2, 2));
            DiscretizedLogistic d = new DiscretizedLogisticHead(DATA, 17).distribution(outputs, context);

            assertThat(d.batchShape()).isEqualTo(new Shape(2, 1));
            assertThat(d.eventShape()).isEqualTo(DATA);
            assertThat(d.levels()).isEqualTo(17);
            float[] loc = d.loc().toFloatArray();
            float[] logScale = d.logScale().toFloatArray();
            for (int s = 0; s < 2; s++) {
                for (int c = 0; c < 3; c++) {
                    for (int p = 0; p < 4; p++) {
                        int i = (s * 3 + c) * 4 + p;
                        assertThat(loc[i]).isEqualTo(10f * c + p + 100 * s);
                        assertThat(logScale[i])
                                .isEqualTo(Math.max(-c - 3f * p, DiscretizedLogisticHead.LOG_SCALE_FLOOR));
                    }
                }
            }
            assertThat(logScale).contains(DiscretizedLogisticHead.LOG_SCALE_FLOOR);
        }
    }
}
