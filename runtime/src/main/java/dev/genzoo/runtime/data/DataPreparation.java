package dev.genzoo.runtime.data;

import dev.genzoo.api.EncoderKind;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;

/**
 * What is done to the data before the model sees it, with {@code auto} decided from the data and
 * the model: images are dequantized when the encoder is a bijection or the likelihood a Gaussian
 * (a density on the data needs continuous data); images of intensities in [0, 1] are binarized dynamically when the
 * model's likelihood p(x|z) is a Bernoulli one and they are neither binary already nor
 * dequantized; everything else (a diffusion's pixels, 2-D points, a discretized likelihood's pixels)
 * is left as it is.
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
     * Decides the settings for some data and a model whose likelihood is no continuous density.
     *
     * @param config the user's words, possibly {@code auto}
     * @param facts what the data are
     * @param encoder the kind of the model's encoder
     * @param bernoulli whether the model's p(x|z) is a Bernoulli likelihood
     * @return the preparation
     * @throws dev.genzoo.api.GenzooException for an unknown word
     */
    public static DataPreparation resolve(
            ExperimentConfig config, DataFacts facts, EncoderKind encoder, boolean bernoulli) {
        return resolve(config, facts, encoder, bernoulli, false);
    }

    /**
     * Decides the settings for some data and a model. Under {@code auto} images are dequantized
     * for a bijection's density and for a Gaussian likelihood p(x|z) (a density on discrete pixels
     * is no probability of them: a VQ-VAE's Gaussian reconstruction of the emoji reported -0.30
     * bits per dimension), so that the bound reported is one on the discrete pixels.
     *
     * @param config the user's words, possibly {@code auto}
     * @param facts what the data are
     * @param encoder the kind of the model's encoder
     * @param bernoulli whether the model's p(x|z) is a Bernoulli likelihood
     * @param gaussian whether it is a Gaussian density on the data
     * @return the preparation
     * @throws dev.genzoo.api.GenzooException for an unknown word
     */
    public static DataPreparation resolve(
            ExperimentConfig config, DataFacts facts, EncoderKind encoder, boolean bernoulli, boolean gaussian) {
        boolean image = facts.image();
        boolean density = encoder == EncoderKind.BIJECTION
                || (gaussian && (encoder == EncoderKind.DENSITY || encoder == EncoderKind.POINT_MASS));
        Dequantization dequantization = config.get(Settings.DEQUANTIZE).equals(Settings.AUTO)
                ? image && density ? Dequantization.UNIFORM : Dequantization.NONE
                : Dequantization.parse(config.get(Settings.DEQUANTIZE));
        Binarization binarization = config.get(Settings.BINARIZE).equals(Settings.AUTO)
                ? image && bernoulli && facts.unitInterval() && !facts.binary() && dequantization == Dequantization.NONE
                        ? Binarization.DYNAMIC
                        : Binarization.NONE
                : Binarization.parse(config.get(Settings.BINARIZE));
        return new DataPreparation(
                binarization, dequantization, image && config.get(Settings.FLIP).equals("horizontal"));
    }

    /**
     * The levels of the data as the model sees them: 2 when binarized, 0 (continuous) when
     * dequantized, else the data's own.
     *
     * @param facts what the data are
     * @return K, or 0 for continuous values
     */
    public int levelsSeen(DataFacts facts) {
        if (binarization != Binarization.NONE) {
            return 2;
        }
        return dequantization == Dequantization.UNIFORM ? 0 : facts.levels();
    }

    /**
     * What is done, in words for a banner: "binarized afresh for each batch", "binarized once",
     * "dequantized with uniform noise", or "" when nothing is.
     *
     * @return the phrase
     */
    public String describe() {
        if (dequantization == Dequantization.UNIFORM) {
            return binarization == Binarization.NONE
                    ? "dequantized with uniform noise"
                    : "binarized, then dequantized with uniform noise";
        }
        return switch (binarization) {
            case DYNAMIC -> "binarized afresh for each batch";
            case STATIC -> "binarized once";
            case NONE -> "";
        };
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
