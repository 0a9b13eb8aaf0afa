package dev.genzoo.runtime.config;

/**
 * Which data to train on and how pixels become binary.
 *
 * @param source a built-in name ({@code digits}, {@code moons}, ...) or a path to IDX files
 * @param binarize {@code none}, {@code static}, {@code dynamic}, or {@code auto} before the data is
 *     seen (dynamic for images, none otherwise)
 */
public record DataSettings(String source, String binarize) {
    /** The bundled default data set. */
    public static final String DEFAULT_SOURCE = "digits";
    /** Binarize images dynamically, leave other data alone. */
    public static final String AUTO = "auto";
}
