package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The cache of a decoded image folder: one {@code .npy} array of N x C x H x W bytes in the
 * folder's order, in the cache folder, named by a SHA-256 digest of everything the bytes depend
 * on: the folder's path, every image's relative path, size and modification time, and the image
 * size, channels and background asked for. A folder that changes gets a new name, so a stale cache
 * is never read; it is written atomically (a temporary file, then a move).
 */
final class DecodedImages {
    /** Changes when the decoding does, so that caches of an older decoding are not read. */
    static final String FORMAT = "genzoo decoded images 1";

    private final Optional<Path> file;

    private DecodedImages(Optional<Path> file) {
        this.file = file;
    }

    /** Rows read from a cache, and the shape of one image. */
    record Cached(SplitRows rows, Shape shape) {}

    /**
     * The cache of a folder read with some options.
     *
     * @param folder the folder
     * @param entries its images, in order
     * @param options what the images are decoded with, and the cache folder
     * @return the cache (absent when the options name no cache folder)
     */
    static DecodedImages of(Path folder, List<ImageFolder.Entry> entries, DataOptions options) {
        if (options.cache().isEmpty()) {
            return new DecodedImages(Optional.empty());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path root = folder.toAbsolutePath().normalize();
            line(digest, FORMAT);
            line(digest, root.toString());
            line(
                    digest,
                    options.imageSize() + " " + options.channels() + " " + Integer.toHexString(options.background()));
            for (ImageFolder.Entry entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry.file(), BasicFileAttributes.class);
                line(
                        digest,
                        root.relativize(entry.file().toAbsolutePath().normalize()) + " " + attributes.size() + " "
                                + attributes.lastModifiedTime().toMillis());
            }
            String name = "images-" + HexFormat.of().formatHex(digest.digest(), 0, 12) + ".npy";
            return new DecodedImages(Optional.of(options.cache().get().resolve(name)));
        } catch (IOException e) {
            return new DecodedImages(Optional.empty());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void line(MessageDigest digest, String text) {
        digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the cache, if it is there and whole, into the two parts of a split.
     *
     * @param test true for the images held out, in the folder's order
     * @param progress hears the reading
     * @return the rows and the images' shape, or empty when there is no whole cache
     */
    Optional<Cached> read(boolean[] test, DecodingProgress progress) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.get()), 1 << 16)) {
            NpyHeader header = NpyHeader.read(in, file.get().toString());
            long[] s = header.shape();
            if (header.kind() != 'u' || header.itemSize() != 1 || s.length != 4 || s[0] != test.length) {
                return Optional.empty();
            }
            Shape shape = new Shape(s[1], s[2], s[3]);
            int size = (int) shape.size();
            SplitRows rows = SplitRows.ofBytes(test, size);
            for (int row = 0; row < rows.rows(); row++) {
                if (in.readNBytes(rows.bytesOf(row), rows.offset(row), size) < size) {
                    return Optional.empty();
                }
            }
            progress.finished(String.format(
                    java.util.Locale.ROOT,
                    "read %d decoded images from the cache %s in %.1f s",
                    rows.rows(),
                    file.get(),
                    (System.nanoTime() - started) / 1e9));
            return Optional.of(new Cached(rows, shape));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the rows as the cache, atomically; a cache that cannot be written is skipped.
     *
     * @param rows the decoded rows
     * @param shape one image's shape
     * @return the cache file's path, or "" if none was written
     */
    String write(SplitRows rows, Shape shape) {
        if (file.isEmpty()) {
            return "";
        }
        Path target = file.get();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), ".images-", ".tmp");
            int size = (int) shape.size();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                out.write(NpyWriting.header(
                        "|u1", new Shape(rows.rows()).addAll(shape).getShape()));
                for (int row = 0; row < rows.rows(); row++) {
                    out.write(rows.bytesOf(row), rows.offset(row), size);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target.toString();
        } catch (IOException | UnsupportedOperationException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless
                }
            }
            return "";
        }
    }
}
