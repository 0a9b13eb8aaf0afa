package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.runtime.config.DataSettings;

/**
 * What is done to the data before the model sees it, with {@code auto} decided: images are
 * dequantized when the encoder is a bijection (a density on the data itself needs continuous
 * data), and binarized dynamically when they are not dequantized; 2-D points are left alone.
 *
 * @param binarization how grey levels become 0/1
 * @param dequantization whether discrete values become continuous
 */
public record DataPreparation(Binarization binarization, Dequantization dequantization) {

    /**
     * Decides the settings for a data shape and an encoder kind.
     *
     * @param settings the user's words, possibly {@code auto}
     * @param example one example's shape
     * @param encoder the kind of the model's encoder
     * @return the preparation
     * @throws dev.genzoo.api.GenzooException for an unknown word
     */
    public static DataPreparation resolve(DataSettings settings, Shape example, EncoderKind encoder) {
        boolean image = example.dimension() == 3;
        Dequantization dequantization = settings.dequantize().equals(DataSettings.AUTO)
                ? image && encoder == EncoderKind.BIJECTION ? Dequantization.UNIFORM : Dequantization.NONE
                : Dequantization.parse(settings.dequantize());
        Binarization binarization = settings.binarize().equals(DataSettings.AUTO)
                ? image && dequantization == Dequantization.NONE ? Binarization.DYNAMIC : Binarization.NONE
                : Binarization.parse(settings.binarize());
        return new DataPreparation(binarization, dequantization);
    }

    /**
     * The settings with every word decided, for the run's config.yaml.
     *
     * @param source the data source
     * @return the settings
     */
    public DataSettings settings(String source) {
        return new DataSettings(source, binarization.word(), dequantization.word());
    }
}
