package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class BinarizationTest {
    private static Dataset digits;

    @BeforeAll
    static void load() {
        digits = DataSources.load("digits").train();
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Test
    void parsesTheThreeWordsInAnyCase() {
        assertThat(Binarization.parse("none")).isEqualTo(Binarization.NONE);
        assertThat(Binarization.parse("Static")).isEqualTo(Binarization.STATIC);
        assertThat(Binarization.parse(" DYNAMIC ")).isEqualTo(Binarization.DYNAMIC);
        assertThat(Binarization.STATIC.word()).isEqualTo("static");
    }

    @Test
    void unknownWordSuggestsTheNearest() {
        assertThatThrownBy(() -> Binarization.parse("statc"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("unknown binarization 'statc' (choose none, static, dynamic);" + " did you mean 'static'?");
        assertThatThrownBy(() -> Binarization.parse("bernoulli"))
                .hasMessage("unknown binarization 'bernoulli' (choose none, static, dynamic)");
    }

    @Test
    void drawsOnlyZerosAndOnesAndKeepsCertainPixels() {
        Dataset binary = Binarization.sample(digits, 7);

        assertThat(binary.size()).isEqualTo(digits.size());
        assertThat(binary.exampleShape()).isEqualTo(digits.exampleShape());
        assertThat(binary.labels().orElseThrow()).isSameAs(digits.labels().orElseThrow());
        float[] p = digits.values();
        float[] x = binary.values();
        int wrong = 0;
        for (int i = 0; i < p.length; i++) {
            boolean binaryValue = x[i] == 0f || x[i] == 1f;
            boolean certainKept = (p[i] != 0f || x[i] == 0f) && (p[i] != 1f || x[i] == 1f);
            wrong += binaryValue && certainKept ? 0 : 1;
        }
        assertThat(wrong)
                .as("values not 0/1, or a 0 or 1 intensity that changed")
                .isZero();
    }

    @Test
    void theSeedDecidesTheDraw() {
        float[] once = Binarization.sample(digits, 7).values();

        assertThat(Binarization.sample(digits, 7).values()).isEqualTo(once);
        assertThat(Binarization.sample(digits, 8).values()).isNotEqualTo(once);
    }

    @Test
    void meanOfTheDrawsIsTheMeanIntensity() {
        // Hoeffding: for M independent draws in [0, 1], P(|mean - E mean| >= t) <= 2 exp(-2 M t^2);
        // t below makes a false failure less likely than 1e-9.
        int m = digits.values().length;
        double t = Math.sqrt(Math.log(2 / 1e-9) / (2.0 * m));

        double binaryMean = mean(Binarization.sample(digits, 11).values());

        assertThat(t).isLessThan(0.012);
        assertThat(binaryMean).isCloseTo(mean(digits.values()), Offset.offset(t));
    }

    @Test
    void valuesOutsideTheUnitIntervalAreNoProbabilities() {
        float[] values = {0.5f, 0.5f, 1.5f, 0f};
        Dataset points = new Dataset("moons", new Shape(2), values, null);

        assertThatThrownBy(() -> Binarization.sample(points, 1))
                .isInstanceOf(GenzooException.class)
                .hasMessage("cannot binarize data set 'moons': example 1 holds 1.5, but binarization"
                        + " needs intensities in [0, 1]");
    }
}
