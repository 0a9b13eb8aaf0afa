package dev.genzoo.runtime.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Named arrays as a NumPy {@code .npz} file: a zip archive holding one {@code NAME.npy} per array
 * ({@link NpyFile}), as {@code numpy.savez_compressed} writes it; {@code numpy.load} reads it.
 */
public final class NpzFile {
    private final Map<String, byte[]> members = new LinkedHashMap<>();

    /**
     * Adds a float32 array.
     *
     * @param name its key in the archive
     * @param values the values in C order
     * @param shape the shape
     * @return this file
     */
    public NpzFile put(String name, float[] values, long... shape) {
        members.put(name, NpyFile.encode(values, shape));
        return this;
    }

    /**
     * Adds an int32 array.
     *
     * @param name its key in the archive
     * @param values the values in C order
     * @param shape the shape
     * @return this file
     */
    public NpzFile put(String name, int[] values, long... shape) {
        members.put(name, NpyFile.encode(values, shape));
        return this;
    }

    /**
     * The archive's bytes.
     *
     * @return the .npz bytes
     */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey() + ".npy"));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the archive atomically.
     *
     * @param file the file
     */
    public void write(Path file) {
        AtomicFiles.write(file, encode());
    }
}
