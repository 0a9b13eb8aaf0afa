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
    private static final DataFacts DIGITS = new DataFacts("digits", new Shape(1, 8, 8), 10, 10, true, 17);
    private static final DataFacts BINARY = new DataFacts("binary", new Shape(1, 8, 8), 10, 10, true, 2);
    private static final DataFacts MOONS = new DataFacts("moons", new Shape(2), 10, 10, false, 0);

    private static DataPreparation auto(DataFacts facts, EncoderKind kind, boolean bernoulli) {
        return DataPreparation.resolve(config("auto", "auto"), facts, kind, bernoulli);
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

    /** A Gaussian p(x|z) on image levels is a density: auto dequantizes them, not 2-D points, not a diffusion's pixels. */
    @Test
    void autoDequantizesImagesUnderAGaussianLikelihood() {
        ExperimentConfig auto = config("auto", "auto");
        assertThat(DataPreparation.resolve(auto, DIGITS, EncoderKind.DENSITY, false, true))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.UNIFORM));
        assertThat(DataPreparation.resolve(auto, DIGITS, EncoderKind.POINT_MASS, false, true))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.UNIFORM));
        assertThat(DataPreparation.resolve(auto, MOONS, EncoderKind.DENSITY, false, true))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.NONE));
        assertThat(DataPreparation.resolve(auto, DIGITS, EncoderKind.FIXED_PROCESS, false, false))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.NONE));
        assertThat(DataPreparation.resolve(config("auto", "none"), DIGITS, EncoderKind.DENSITY, false, true))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.NONE));
    }

    @Test
    void autoDequantizesImagesUnderABijectionAndBinarizesThemOnlyForABernoulliLikelihood() {
        assertThat(auto(DIGITS, EncoderKind.BIJECTION, false))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.UNIFORM));
        assertThat(auto(DIGITS, EncoderKind.DENSITY, true))
                .isEqualTo(new DataPreparation(Binarization.DYNAMIC, Dequantization.NONE));
        assertThat(auto(DIGITS, EncoderKind.POINT_MASS, true))
                .isEqualTo(new DataPreparation(Binarization.DYNAMIC, Dequantization.NONE));
        assertThat(auto(MOONS, EncoderKind.BIJECTION, false))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.NONE));
    }

    @Test
    void autoLeavesADiffusionsAGaussianDecodersAndBinaryDataAsTheyAre() {
        DataPreparation none = new DataPreparation(Binarization.NONE, Dequantization.NONE);
        assertThat(auto(DIGITS, EncoderKind.FIXED_PROCESS, false)).isEqualTo(none);
        assertThat(auto(DIGITS, EncoderKind.DENSITY, false)).isEqualTo(none);
        assertThat(auto(BINARY, EncoderKind.DENSITY, true)).isEqualTo(none);
        assertThat(auto(MOONS, EncoderKind.DENSITY, true)).isEqualTo(none);
    }

    @Test
    void theLevelsTheModelSeesFollowThePreparation() {
        assertThat(auto(DIGITS, EncoderKind.FIXED_PROCESS, false).levelsSeen(DIGITS))
                .isEqualTo(17);
        assertThat(auto(DIGITS, EncoderKind.DENSITY, true).levelsSeen(DIGITS)).isEqualTo(2);
        assertThat(auto(DIGITS, EncoderKind.BIJECTION, false).levelsSeen(DIGITS))
                .isZero();
        assertThat(auto(MOONS, EncoderKind.DENSITY, false).levelsSeen(MOONS)).isZero();
    }

    @Test
    void wordsTheUserGaveWin() {
        DataPreparation chosen =
                DataPreparation.resolve(config("static", "uniform"), DIGITS, EncoderKind.DENSITY, false);
        assertThat(chosen).isEqualTo(new DataPreparation(Binarization.STATIC, Dequantization.UNIFORM));
        ExperimentConfig decided = DataPreparation.resolve(config("auto", "auto"), DIGITS, EncoderKind.DENSITY, true)
                .decided(config("auto", "auto"));
        assertThat(decided.get(Settings.BINARIZE)).isEqualTo("dynamic");
        assertThat(decided.get(Settings.DEQUANTIZE)).isEqualTo("none");
        assertThat(DataPreparation.resolve(config("none", "auto"), DIGITS, EncoderKind.DENSITY, true))
                .isEqualTo(new DataPreparation(Binarization.NONE, Dequantization.NONE));
    }
}
