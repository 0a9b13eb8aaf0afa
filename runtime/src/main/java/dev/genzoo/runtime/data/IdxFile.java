package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of LeCun et al.'s MNIST distribution: a big-endian int32 magic number, one
 * int32 per dimension, then unsigned bytes; raw or gzipped.
 */
final class IdxFile {
    /** Unsigned bytes in three dimensions: count, rows, columns. */
    static final int IMAGES_MAGIC = 0x00000803;

    /** Unsigned bytes in one dimension: one label per image. */
    static final int LABELS_MAGIC = 0x00000801;

    private static final int BUFFER = 1 << 16;

    private IdxFile() {}

    /**
     * An IDX image file's images, kept as bytes of 256 levels (intensities k / 255 in [0, 1]).
     *
     * @param file the file, raw or gzipped
     * @param name the name the data set gets
     * @return count examples of shape (1, rows, columns), without labels
     * @throws GenzooException naming the file if it is missing, no IDX image file, truncated or
     *     damaged
     */
    static Dataset readImages(Path file, String name) {
        Content content = read(file, IMAGES_MAGIC);
        int[] d = content.dimensions();
        return Dataset.ofBytes(name, new Shape(1, d[1], d[2]), content.bytes(), 256, null);
    }

    /**
     * An IDX label file's labels.
     *
     * @param file the file, raw or gzipped
     * @return one label in 0..255 per image
     * @throws GenzooException naming the file if it is missing, no IDX label file, truncated or
     *     damaged
     */
    static int[] readLabels(Path file) {
        byte[] bytes = read(file, LABELS_MAGIC).bytes();
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            labels[i] = bytes[i] & 0xFF;
        }
        return labels;
    }

    private record Content(int[] dimensions, byte[] bytes) {}

    private static Content read(Path file, int magic) {
        if (!Files.isRegularFile(file)) {
            throw new GenzooException(
                    "the IDX file " + file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        try (BufferedInputStream stored = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            if (!GzipDetection.startsWithMagic(stored)) {
                return parse(file, stored, magic, "");
            }
            try (InputStream inflated = new GZIPInputStream(stored, BUFFER)) {
                return parse(file, inflated, magic, " once decompressed");
            } catch (IOException e) {
                throw new GenzooException(
                        file + " is a damaged gzip file (" + e.getMessage() + "); download it again", e);
            }
        } catch (AccessDeniedException e) {
            throw new GenzooException("genzoo may not read " + file + "; check its permissions", e);
        } catch (IOException e) {
            throw new GenzooException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Content parse(Path file, InputStream in, int magic, String form) throws IOException {
        String kind = magic == IMAGES_MAGIC ? "image" : "label";
        byte[] start = in.readNBytes(4);
        if (start.length < 4) {
            throw new GenzooException(file + " is truncated: it holds " + start.length + " bytes" + form
                    + ", fewer than the 4 of an IDX magic number");
        }
        int found = bigEndian(start, 0);
        if (found != magic) {
            String actually = found == IMAGES_MAGIC
                    ? " (that of an IDX image file)"
                    : found == LABELS_MAGIC ? " (that of an IDX label file)" : "";
            throw new GenzooException(String.format(
                    "%s is not an IDX %s file: its magic number is 0x%08X%s," + " expected 0x%08X",
                    file, kind, found, actually, magic));
        }
        int rank = magic & 0xFF;
        int headerBytes = 4 + 4 * rank;
        byte[] sizes = in.readNBytes(4 * rank);
        if (sizes.length < 4 * rank) {
            throw new GenzooException(file + " is truncated: its header needs " + headerBytes + " bytes but it holds "
                    + (4 + sizes.length) + form);
        }
        int[] dimensions = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            dimensions[i] = bigEndian(sizes, 4 * i);
            // Capped so that three factors below 2^31 cannot overflow a long.
            count = Math.min(count, 1L << 31) * Math.max(dimensions[i], 0);
        }
        if (count == 0) {
            throw new GenzooException(file + " has a damaged header: it declares " + describe(dimensions, kind));
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new GenzooException(file + " declares " + describe(dimensions, kind)
                    + ", more than the 2^31 values genzoo can hold in one array");
        }
        byte[] bytes = in.readNBytes((int) count);
        if (bytes.length < count) {
            throw new GenzooException(file + " is truncated: its header promises " + (headerBytes + count)
                    + " bytes (" + describe(dimensions, kind) + ") but it holds "
                    + (headerBytes + bytes.length) + form);
        }
        // Reading to the end makes a gzip stream check its CRC-32 trailer.
        in.transferTo(OutputStream.nullOutputStream());
        return new Content(dimensions, bytes);
    }

    /** "60000 images of 28x28" or "60000 labels". */
    private static String describe(int[] dimensions, String kind) {
        StringBuilder text =
                new StringBuilder().append(dimensions[0]).append(' ').append(kind);
        text.append('s');
        for (int i = 1; i < dimensions.length; i++) {
            text.append(i == 1 ? " of " : "x").append(dimensions[i]);
        }
        return text.toString();
    }

    private static int bigEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24
                | (bytes[at + 1] & 0xFF) << 16
                | (bytes[at + 2] & 0xFF) << 8
                | (bytes[at + 3] & 0xFF);
    }
}
