package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A folder of images in the convention of torchvision's {@code ImageFolder}: the images directly
 * in it, or one sub-folder per class (labels numbered by the sorted sub-folder names); and either
 * of these inside {@code train/} and {@code test/}, which then give the split, else a fixed
 * fraction is held out. Images are decoded once (see {@link ImageDecoding}), resized by {@link
 * ImageResampling} when a size is set, made grey or colour, kept as bytes, and cached (see {@link
 * DecodedImages}).
 */
final class ImageFolder {
    /** The file name endings of the images read. */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    /** The constant seed of a folder's held-out permutation. */
    static final long SPLIT_SEED = 0x1A6E_F01DL;

    /** The sub-folders that give a folder's split. */
    static final String TRAIN = "train";

    /** The held-out sub-folder. */
    static final String TEST = "test";

    private ImageFolder() {}

    /** One image: its file, whether it is held out, and its class (-1 for none). */
    record Entry(Path file, boolean test, int label) {}

    /** A folder's images in order, and its class names (empty for a flat folder). */
    record Layout(List<Entry> entries, List<String> classes, boolean ownSplit) {}

    /**
     * Reads a folder of images.
     *
     * @param folder the folder
     * @param options the size, channels, background, held-out fraction and cache folder
     * @param name the data set's name
     * @param progress hears the decoding
     * @return the split, images as bytes of 256 levels, shape (C, H, W)
     * @throws GenzooException naming the folder or file when the folder holds no images, a file
     *     is not a readable image, or images differ in size without an image size set
     */
    static DataSplit load(Path folder, DataOptions options, String name, DecodingProgress progress) {
        Layout layout = layout(folder);
        List<Entry> entries = layout.entries();
        int n = entries.size();
        if (n == 0) {
            throw new GenzooException("the folder " + folder + " holds no images (genzoo reads .png, .jpg, .jpeg,"
                    + " .bmp and .gif files, directly in it or in one sub-folder per class)");
        }
        boolean[] test = new boolean[n];
        if (layout.ownSplit()) {
            for (int i = 0; i < n; i++) {
                test[i] = entries.get(i).test();
            }
        } else {
            if (n < 2) {
                throw new GenzooException("the folder " + folder + " holds one image; a data set needs at least 2,"
                        + " to train on one part and test on the other");
            }
            test = HeldOutSplit.heldOut(n, HeldOutSplit.count(n, options.heldOut()), SPLIT_SEED);
        }
        DecodedImages cache = DecodedImages.of(folder, entries, options);
        Optional<DecodedImages.Cached> cached = cache.read(test, progress);
        SplitRows rows;
        Shape shape;
        if (cached.isPresent()) {
            rows = cached.get().rows();
            shape = cached.get().shape();
        } else {
            shape = shape(entries, options);
            rows = SplitRows.ofBytes(test, (int) shape.size());
            decode(folder, entries, options, shape, rows, progress, cache);
        }
        if (!layout.classes().isEmpty()) {
            for (int i = 0; i < n; i++) {
                rows.label(i, entries.get(i).label());
            }
        }
        return rows.build(name, shape, 256, layout.classes());
    }

    /**
     * The images of a folder, in sorted order, with their part and class.
     *
     * @param folder the folder
     * @return its layout
     * @throws GenzooException if a file is not an image, a folder mixes images and sub-folders, a
     *     test class has no training counterpart, train/ or test/ is empty, or test/ is flat while
     *     train/ has classes
     */
    static Layout layout(Path folder) {
        List<Path> children = list(folder);
        Path train = folder.resolve(TRAIN);
        Path test = folder.resolve(TEST);
        if (children.contains(train)
                && children.contains(test)
                && Files.isDirectory(train)
                && Files.isDirectory(test)) {
            for (Path part : List.of(train, test)) {
                if (list(part).isEmpty()) {
                    throw new GenzooException("the folder " + part + " holds no images; a train/ and test/ pair needs"
                            + " images in both");
                }
            }
            List<String> classes = classes(train);
            if (!classes.isEmpty() && classes(test).isEmpty()) {
                throw new GenzooException(test + " holds its images directly but " + train + " has class folders ("
                        + String.join(", ", classes) + "); put each test image in the folder of its class");
            }
            List<Entry> entries = new ArrayList<>();
            entries.addAll(part(train, false, classes));
            entries.addAll(part(test, true, classes));
            return new Layout(entries, classes, true);
        }
        List<String> classes = classes(folder);
        return new Layout(part(folder, false, classes), classes, false);
    }

    /** The class names of a part: its sub-folders, sorted; empty for a flat part. */
    private static List<String> classes(Path part) {
        List<String> names = new ArrayList<>();
        for (Path child : list(part)) {
            if (Files.isDirectory(child)) {
                names.add(child.getFileName().toString());
            }
        }
        return names;
    }

    private static List<Entry> part(Path part, boolean test, List<String> classes) {
        List<Entry> entries = new ArrayList<>();
        List<Path> children = list(part);
        boolean classFolders = children.stream().anyMatch(Files::isDirectory);
        for (Path child : children) {
            if (!classFolders) {
                entries.add(new Entry(image(child), test, -1));
                continue;
            }
            if (!Files.isDirectory(child)) {
                throw new GenzooException(part + " holds both images and sub-folders (" + child.getFileName()
                        + "); put every image in a sub-folder of its class, or none");
            }
            int label = classes.indexOf(child.getFileName().toString());
            if (label < 0) {
                throw new GenzooException("the class folder " + child + " has no counterpart in "
                        + part.resolveSibling(TRAIN) + "; test classes must be training classes");
            }
            for (Path file : list(child)) {
                if (Files.isDirectory(file)) {
                    throw new GenzooException(file + " is a folder inside a class folder; genzoo reads the images"
                            + " directly in each class folder");
                }
                entries.add(new Entry(image(file), test, label));
            }
        }
        if (classFolders && entries.isEmpty()) {
            throw new GenzooException("the class folders of " + part + " hold no images");
        }
        return entries;
    }

    private static Path image(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(extension)) {
            throw new GenzooException(file + " is not an image (genzoo reads .png, .jpg, .jpeg, .bmp and .gif files);"
                    + " move it out of the data folder");
        }
        return file;
    }

    /** A folder's entries, sorted by name, hidden ones (".name") left out. */
    static List<Path> list(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new GenzooException("cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** (C, N, N) for a set size, else the images' own size, which must then be one size. */
    private static Shape shape(List<Entry> entries, DataOptions options) {
        boolean allGrey = true;
        ImageDecoding.Header first = null;
        Path firstFile = null;
        for (Entry entry : entries) {
            ImageDecoding.Header header = ImageDecoding.header(entry.file(), options.background());
            allGrey &= header.grey();
            if (first == null) {
                first = header;
                firstFile = entry.file();
            } else if (options.imageSize() == 0
                    && (header.width() != first.width() || header.height() != first.height())) {
                throw new GenzooException(entry.file() + " is " + header.width() + "x" + header.height() + " but "
                        + firstFile + " is " + first.width() + "x" + first.height()
                        + "; give --image-size N to resize every image to N x N");
            }
            if (options.channels() != 0 && options.imageSize() != 0) {
                break;
            }
        }
        int channels = options.channels() != 0 ? options.channels() : allGrey ? 1 : 3;
        return options.imageSize() > 0
                ? new Shape(channels, options.imageSize(), options.imageSize())
                : new Shape(channels, first.height(), first.width());
    }

    private static void decode(
            Path folder,
            List<Entry> entries,
            DataOptions options,
            Shape shape,
            SplitRows rows,
            DecodingProgress progress,
            DecodedImages cache) {
        long started = System.nanoTime();
        int n = entries.size();
        progress.started("decoding " + n + " images in " + folder, n);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "genzoo-decoding");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> done = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int row = i;
                done.add(pool.submit(() -> {
                    byte[] pixels = pixels(entries.get(row).file(), options, shape);
                    System.arraycopy(pixels, 0, rows.bytesOf(row), rows.offset(row), pixels.length);
                }));
            }
            for (int i = 0; i < n; i++) {
                await(done.get(i));
                if ((i + 1) % 64 == 0 || i + 1 == n) {
                    progress.advanced(i + 1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String where = cache.write(rows, shape);
        progress.finished(String.format(
                Locale.ROOT,
                "decoded %d images in %.1f s%s",
                n,
                (System.nanoTime() - started) / 1e9,
                where.isEmpty() ? "" : ", cached in " + where));
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenzooException("decoding the images was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new GenzooException("decoding failed: " + e.getCause(), e.getCause());
        }
    }

    /** One image as bytes of the data shape: decoded, composited, resized, made grey or colour. */
    static byte[] pixels(Path file, DataOptions options, Shape shape) {
        ImageDecoding.Decoded image = ImageDecoding.decode(file, options.background());
        int channels = (int) shape.get(0);
        int height = (int) shape.get(1);
        int width = (int) shape.get(2);
        float[] rgb = image.rgb();
        if (image.height() != height || image.width() != width) {
            if (options.imageSize() == 0) {
                throw new GenzooException(file + " is " + image.width() + "x" + image.height() + " but the other images"
                        + " are " + width + "x" + height + "; give --image-size N to resize every image to N x N");
            }
            rgb = ImageResampling.resize(rgb, 3, image.height(), image.width(), options.imageSize());
        }
        int plane = height * width;
        byte[] out = new byte[channels * plane];
        for (int i = 0; i < plane; i++) {
            if (channels == 1) {
                double luma =
                        image.grey() ? rgb[i] : 0.299 * rgb[i] + 0.587 * rgb[plane + i] + 0.114 * rgb[2 * plane + i];
                out[i] = toByte(luma);
            } else {
                for (int c = 0; c < 3; c++) {
                    out[c * plane + i] = toByte(rgb[c * plane + i]);
                }
            }
        }
        return out;
    }

    private static byte toByte(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
