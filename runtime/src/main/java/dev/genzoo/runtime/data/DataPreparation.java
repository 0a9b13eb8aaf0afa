package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;

/**
 * What is done to the data before the model sees it, with {@code auto} decided: images are
 * dequantized when the encoder is a bijection (a density on the data itself needs continuous
 * data), and binarized dynamically when they are not dequantized; 2-D points are left alone.
 * Training images may also be flipped left to right at random.
 *
 * @param binarization how grey levels become 0/1
 * @param dequantization whether discrete values become continuous
 * @param flip whether each training image is flipped left to right with probability 1/2
 */
public record DataPreparation(Binarization binarization, Dequantization dequantization, boolean flip) {

    /**
     * A preparation without flips.
     *
     * @param binarization how grey levels become 0/1
     * @param dequantization whether discrete values become continuous
     */
    public DataPreparation(Binarization binarization, Dequantization dequantization) {
        this(binarization, dequantization, false);
    }

    /**
     * Decides the settings for a data shape and an encoder kind.
     *
     * @param settings the user's words, possibly {@code auto}
     * @param example one example's shape
     * @param encoder the kind of the model's encoder
     * @return the preparation
     * @throws dev.genzoo.api.GenzooException for an unknown word
     */
    public static DataPreparation resolve(ExperimentConfig config, Shape example, EncoderKind encoder) {
        boolean image = example.dimension() == 3;
        Dequantization dequantization = config.get(Settings.DEQUANTIZE).equals(Settings.AUTO)
                ? image && encoder == EncoderKind.BIJECTION ? Dequantization.UNIFORM : Dequantization.NONE
                : Dequantization.parse(config.get(Settings.DEQUANTIZE));
        Binarization binarization = config.get(Settings.BINARIZE).equals(Settings.AUTO)
                ? image && dequantization == Dequantization.NONE ? Binarization.DYNAMIC : Binarization.NONE
                : Binarization.parse(config.get(Settings.BINARIZE));
        return new DataPreparation(
                binarization, dequantization, image && config.get(Settings.FLIP).equals("horizontal"));
    }

    /**
     * A config with these words in place of {@code auto}, for the run's config.yaml.
     *
     * @param config the config
     * @return the config with every data word decided
     */
    public ExperimentConfig decided(ExperimentConfig config) {
        return config.with(Settings.BINARIZE, binarization.word()).with(Settings.DEQUANTIZE, dequantization.word());
    }
}
