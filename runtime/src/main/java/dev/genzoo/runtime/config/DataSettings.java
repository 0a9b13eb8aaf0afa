package dev.genzoo.runtime.config;

/**
 * Which data to train on, how pixels become binary, and whether discrete values are dequantized.
 *
 * @param source a built-in name ({@code digits}, {@code moons}, ...) or a path to IDX files
 * @param binarize {@code none}, {@code static}, {@code dynamic}, or {@code auto} before the data is
 *     seen (dynamic for images unless they are dequantized, none otherwise)
 * @param dequantize {@code none}, {@code uniform}, or {@code auto} before the model is seen
 *     (uniform for images under an encoder that is a bijection, an exact density on the data;
 *     none otherwise)
 */
public record DataSettings(String source, String binarize, String dequantize) {
    /** The bundled default data set. */
    public static final String DEFAULT_SOURCE = "digits";
    /** Decide from the data (and, for dequantization, the encoder) when training starts. */
    public static final String AUTO = "auto";

    /**
     * Settings that leave dequantization to {@link #AUTO}.
     *
     * @param source the data source
     * @param binarize the binarization word
     */
    public DataSettings(String source, String binarize) {
        this(source, binarize, AUTO);
    }
}
