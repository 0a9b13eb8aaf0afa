package dev.genzoo.runtime.data;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.NearestName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resolves what a user writes after {@code --data} (a built-in name, or a path to images, arrays,
 * a table or IDX files) to a train/test split; the built-in sets are the bundled digits of Alpaydin and Kaynak (1998) and
 * three 2-D toy distributions.
 */
public final class DataSources {
    /** The source used when none is named: the bundled 8x8 digits. */
    public static final String DEFAULT = HandwrittenDigits.NAME;

    /** A single IDX image file holds out one example in this many. */
    static final int SINGLE_FILE_DIVISOR = 6;

    /** The constant seed of a single IDX file's held-out split. */
    static final long SINGLE_FILE_SEED = 0x1D_F11EL;

    private static final Map<String, Supplier<DataSplit>> BUILT_IN = builtInSources();

    private DataSources() {}

    private static Map<String, Supplier<DataSplit>> builtInSources() {
        Map<String, Supplier<DataSplit>> sources = new LinkedHashMap<>();
        sources.put(HandwrittenDigits.NAME, HandwrittenDigits::load);
        for (ToyDistribution toy : List.of(new TwoMoons(), new EightGaussians(), new Checkerboard())) {
            sources.put(toy.name(), toy::split);
        }
        return Collections.unmodifiableMap(sources);
    }

    /**
     * Loads a named source with every data setting at its default, without a cache.
     *
     * @param source what the user wrote after {@code --data}
     * @return the training and held-out examples
     * @throws GenzooException as {@link #load(DataOptions, DecodingProgress)}
     */
    public static DataSplit load(String source) {
        return load(DataOptions.defaults(source), DecodingProgress.NONE);
    }

    /**
     * Loads a source, split into train and test.
     *
     * <p>A source is, in this order: a built-in name (see {@link #builtIn()}); a directory with
     * MNIST-style {@code train-images-idx3-ubyte} and {@code t10k-images-idx3-ubyte} (raw or
     * {@code .gz}, label files optional), split as its files are; any other directory, a folder of
     * images (see {@link ImageFolder}); a {@code .npy} or {@code .npz} file ({@link NumpyArrays});
     * a {@code .csv} table ({@link CsvTable}); or one IDX image file, of which a fixed sixth is held
     * out. Write {@code ./digits} for a directory that shares a built-in name. Every call reads or
     * draws afresh and returns new arrays (a decoded image folder may come from its cache).
     *
     * @param options the source and how it is read
     * @param progress hears the decoding of an image folder
     * @return the training and held-out examples; images have shape (C, rows, columns) and are
     *     held as bytes, toy points have shape (2), table rows shape (D)
     * @throws GenzooException if the source is neither built in nor an existing path (suggesting
     *     the nearest built-in name), or if its files are missing, damaged or inconsistent: one
     *     sentence naming the file (and row or entry)
     */
    public static DataSplit load(DataOptions options, DecodingProgress progress) {
        String source = options.source();
        String given = source.strip();
        Supplier<DataSplit> builtIn = BUILT_IN.get(given);
        if (builtIn != null) {
            return builtIn.get();
        }
        Path path = existingPath(given);
        if (path == null) {
            throw new GenzooException("unknown data source '" + source + "': it is neither a built-in source ("
                    + String.join(", ", builtIn()) + ") nor an existing file or directory"
                    + NearestName.suggestion(given, builtIn()));
        }
        if (Files.isDirectory(path)) {
            return IdxDirectory.holdsIdx(path)
                    ? IdxDirectory.load(path, given)
                    : ImageFolder.load(path, options, given, progress);
        }
        if (NumpyArrays.reads(path)) {
            return NumpyArrays.load(path, options, given);
        }
        if (CsvTable.reads(path)) {
            return CsvTable.load(path, options, given);
        }
        String fileName = path.getFileName().toString();
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (ImageFolder.EXTENSIONS.contains(extension)) {
            throw new GenzooException(path + " is a single image; give the folder that holds the images");
        }
        if (!mayBeIdx(path)) {
            throw new GenzooException(path + " is not a data file genzoo reads (a folder of images, a .npy or .npz"
                    + " array, a .csv table, or an IDX image file, raw or gzipped)");
        }
        Dataset all = IdxFile.readImages(path, given);
        if (all.size() < 2) {
            throw new GenzooException(path + " holds only one image, but a single IDX file is split into training"
                    + " and test images, so it needs at least two");
        }
        return HeldOutSplit.of(all, SINGLE_FILE_DIVISOR, SINGLE_FILE_SEED);
    }

    /**
     * The names of the built-in sources, for help text and "did you mean".
     *
     * @return "digits" (the default) first, then the 2-D toy sets
     */
    public static List<String> builtIn() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /**
     * Whether a file may be IDX: it starts as IDX files do (two zero bytes), or as gzip, or cannot
     * be read here (then the IDX reader says why).
     */
    private static boolean mayBeIdx(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length < 2
                    || (start[0] == 0 && start[1] == 0)
                    || ((start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b);
        } catch (IOException e) {
            return true;
        }
    }

    private static Path existingPath(String given) {
        if (given.isEmpty()) {
            return null;
        }
        try {
            Path path = Path.of(given);
            return Files.exists(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
