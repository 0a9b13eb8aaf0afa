package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.SettingValues;
import dev.genzoo.runtime.config.Settings;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DataPreparationTest {
    private static final Shape IMAGE = new Shape(1, 8, 8);
    private static final Shape POINT = new Shape(2);

    private static DataPreparation auto(Shape example, EncoderKind kind) {
        return DataPreparation.resolve(config("auto", "auto"), example, kind);
    }

    private static ExperimentConfig config(String binarize, String dequantize) {
        Map<Role, String> names = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            names.put(role, "x");
        }
        SettingValues settings = SettingValues.defaults()
                .with(Settings.BINARIZE, binarize, "test")
                .with(Settings.DEQUANTIZE, dequantize, "test");
        return new ExperimentConfig(names, Map.of(), settings);
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
        DataPreparation chosen = DataPreparation.resolve(config("static", "uniform"), IMAGE, EncoderKind.DENSITY);
        assertThat(chosen).isEqualTo(new DataPreparation(Binarization.STATIC, Dequantization.UNIFORM));
        ExperimentConfig decided = DataPreparation.resolve(config("auto", "auto"), IMAGE, EncoderKind.DENSITY)
                .decided(config("auto", "auto"));
        assertThat(decided.get(Settings.BINARIZE)).isEqualTo("dynamic");
        assertThat(decided.get(Settings.DEQUANTIZE)).isEqualTo("none");
        assertThat(DataPreparation.resolve(config("auto", "none"), IMAGE, EncoderKind.BIJECTION))
                .isEqualTo(new DataPreparation(Binarization.DYNAMIC, Dequantization.NONE));
    }
}
