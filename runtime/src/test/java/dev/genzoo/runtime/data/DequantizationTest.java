package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import org.junit.jupiter.api.Test;

final class DequantizationTest {

    private static Dataset grid(int levels, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((i * 7 % levels) / (levels - 1.0));
        }
        return new Dataset("grid", new Shape(1), values, null);
    }

    @Test
    void parsesItsWordsAndSuggestsTheNearest() {
        assertThat(Dequantization.parse(" Uniform")).isEqualTo(Dequantization.UNIFORM);
        assertThat(Dequantization.parse("none")).isEqualTo(Dequantization.NONE);
        assertThatThrownBy(() -> Dequantization.parse("unifrom"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("unknown dequantization 'unifrom' (choose none, uniform); did you mean 'uniform'?");
    }

    @Test
    void findsTheLevelsOfDigitsEightBitAndBinaryData() {
        assertThat(Dequantization.levels(DataSources.load("digits").train())).isEqualTo(17);
        assertThat(Dequantization.levels(grid(256, 1000))).isEqualTo(256);
        assertThat(Dequantization.levels(grid(2, 10))).isEqualTo(2);
        assertThat(Dequantization.levels(grid(5, 10))).isEqualTo(5);
    }

    @Test
    void refusesDataThatIsNotDiscrete() {
        assertThatThrownBy(() -> Dequantization.levels(DataSources.load("moons").train()))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("data 'moons' cannot be dequantized: it holds ")
                .hasMessageEndingWith("; use --dequantize none");
        Dataset tooMany = new Dataset("fine", new Shape(1), new float[] {0f, 0.3f, 0.3001f, 1f}, null);
        assertThatThrownBy(() -> Dequantization.levels(tooMany))
                .hasMessage("data 'fine' cannot be dequantized: its values lie on no grid of at most 256 levels;"
                        + " use --dequantize none");
    }

    @Test
    void eachValueStaysInItsOwnCellAndFillsItUniformly() {
        int levels = 17;
        Dataset data = grid(levels, 40_000);
        Dataset noisy = Dequantization.sample(data, levels, 3);
        assertThat(noisy.exampleShape()).isEqualTo(data.exampleShape());
        float[] x = data.values();
        float[] y = noisy.values();
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < x.length; i++) {
            long k = Math.round(x[i] * (levels - 1));
            double position = y[i] * levels - k;
            assertThat(position).isBetween(0.0, 1.0);
            sum += position;
            sumOfSquares += position * position;
        }
        int n = x.length;
        // U[0, 1): mean 1/2 and variance 1/12; four standard errors of the mean, sqrt(1/12/n)
        assertThat(sum / n).isCloseTo(0.5, within(4 * Math.sqrt(1 / 12.0 / n)));
        assertThat(sumOfSquares / n - (sum / n) * (sum / n)).isCloseTo(1 / 12.0, within(4e-3));
        assertThat(Dequantization.sample(data, levels, 3).values()).containsExactly(y);
        assertThat(Dequantization.sample(data, levels, 4).values()).isNotEqualTo(y);
    }
}
