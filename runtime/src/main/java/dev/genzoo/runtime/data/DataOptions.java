package dev.genzoo.runtime.data;

import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a data source is read with, from the config's {@code data} section: the source, how images
 * are sized, coloured and cached, how much is held out, and which column or arrays hold what.
 *
 * @param source what the user wrote after {@code --data}
 * @param imageSize the side images are resized to, or 0 to keep their size
 * @param channels 1 or 3, or 0 to follow the images
 * @param background the colour transparent pixels are composited over, 0xRRGGBB
 * @param heldOut the fraction held out of a source without a test split of its own
 * @param labelColumn a CSV table's label column (a header name or a number from 1), or empty
 * @param examplesArray the name of an .npz file's array of examples
 * @param labelsArray the name of its array of labels, used when present
 * @param cache the folder decoded image folders are kept in, or empty for none
 */
public record DataOptions(
        String source,
        int imageSize,
        int channels,
        int background,
        double heldOut,
        Optional<String> labelColumn,
        String examplesArray,
        String labelsArray,
        Optional<Path> cache) {

    /**
     * The options a config gives.
     *
     * @param config the resolved config
     * @return its data options, {@code auto} words decided
     */
    public static DataOptions of(ExperimentConfig config) {
        return of(config::get);
    }

    /** Where the data settings' values are read from: a resolved config, or a draft with defaults. */
    public interface Values {
        /**
         * A setting's value.
         *
         * @param setting the setting
         * @param <T> its type
         * @return its value
         */
        <T> T get(Setting<T> setting);
    }

    /**
     * The options some settings give.
     *
     * @param config the settings' values
     * @return the data options, {@code auto} words decided
     */
    public static DataOptions of(Values config) {
        String channels = config.get(Settings.CHANNELS);
        String label = config.get(Settings.LABEL_COLUMN);
        String[] arrays = config.get(Settings.ARRAYS).split(",");
        return new DataOptions(
                config.get(Settings.DATA),
                config.get(Settings.IMAGE_SIZE),
                channels.equals(Settings.AUTO) ? 0 : Integer.parseInt(channels),
                Integer.parseInt(config.get(Settings.BACKGROUND).replace("#", ""), 16),
                config.get(Settings.HELD_OUT),
                label.equals("none") ? Optional.empty() : Optional.of(label),
                arrays[0],
                arrays.length > 1 ? arrays[1] : "y",
                cacheFolder(config.get(Settings.CACHE)));
    }

    /**
     * The defaults of every data setting, for a source.
     *
     * @param source what the user wrote after {@code --data}
     * @return the options
     */
    public static DataOptions defaults(String source) {
        return new DataOptions(
                source, 0, 0, 0xFFFFFF, Settings.HELD_OUT.defaultValue(), Optional.empty(), "x", "y", Optional.empty());
    }

    /**
     * These options with another cache folder.
     *
     * @param folder the folder, or empty for none
     * @return new options
     */
    public DataOptions withCache(Optional<Path> folder) {
        return new DataOptions(
                source, imageSize, channels, background, heldOut, labelColumn, examplesArray, labelsArray, folder);
    }

    /**
     * These options with other image settings.
     *
     * @param size the side, or 0
     * @param channelCount 1, 3, or 0 to follow the images
     * @return new options
     */
    public DataOptions withImages(int size, int channelCount) {
        return new DataOptions(
                source, size, channelCount, background, heldOut, labelColumn, examplesArray, labelsArray, cache);
    }

    /** {@code auto}: $XDG_CACHE_HOME/genzoo, else ~/.cache/genzoo; {@code none}: no cache. */
    static Optional<Path> cacheFolder(String word) {
        if (word.equals("none")) {
            return Optional.empty();
        }
        if (!word.equals(Settings.AUTO)) {
            return Optional.of(Path.of(word));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(base.resolve("genzoo"));
    }
}
