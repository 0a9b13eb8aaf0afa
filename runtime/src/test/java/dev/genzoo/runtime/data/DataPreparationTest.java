package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.runtime.config.DataSettings;
import org.junit.jupiter.api.Test;

final class DataPreparationTest {
    private static final Shape IMAGE = new Shape(1, 8, 8);
    private static final Shape POINT = new Shape(2);

    private static DataPreparation auto(Shape example, EncoderKind kind) {
        return DataPreparation.resolve(new DataSettings("x", "auto"), example, kind);
    }

    @Test
    void autoDequantizesImagesUnderABijectionAndBinarizesThemOtherwise() {
        assertThat(auto(IMAGE, EncoderKind.BIJECTION))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.UNIFORM));
        assertThat(auto(IMAGE, EncoderKind.DENSITY))
                .isEqualTo(new DataPreparation(Binarization.DYNAMIC, Dequantization.NONE));
        assertThat(auto(POINT, EncoderKind.BIJECTION))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.NONE));
    }

    @Test
    void wordsTheUserGaveWin() {
        DataPreparation chosen =
                DataPreparation.resolve(new DataSettings("x", "static", "uniform"), IMAGE, EncoderKind.DENSITY);
        assertThat(chosen).isEqualTo(new DataPreparation(Binarization.STATIC, Dequantization.UNIFORM));
        assertThat(chosen.settings("digits")).isEqualTo(new DataSettings("digits", "static", "uniform"));
        assertThat(DataPreparation.resolve(new DataSettings("x", "auto", "none"), IMAGE, EncoderKind.BIJECTION))
                .isEqualTo(new DataPreparation(Binarization.DYNAMIC, Dequantization.NONE));
    }
}
