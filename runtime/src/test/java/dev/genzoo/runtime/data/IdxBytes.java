package dev.genzoo.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files for tests with {@link DataOutputStream}, independently of {@link IdxFile}. */
final class IdxBytes {
    private IdxBytes() {}

    /** An image file: magic 0x803, count, rows, columns, then the pixels as given. */
    static byte[] images(int count, int rows, int columns, byte[] pixels) {
        return write(0x00000803, new int[] {count, rows, columns}, pixels);
    }

    /** A label file: magic 0x801, count, then one byte per label. */
    static byte[] labels(int... labels) {
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = (byte) labels[i];
        }
        return write(0x00000801, new int[] {labels.length}, bytes);
    }

    /** The bytes gzipped. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code length} pixels stepping through 0..255 by 37, so that every byte value appears. */
    static byte[] ramp(int length, int offset) {
        byte[] pixels = new byte[length];
        for (int i = 0; i < length; i++) {
            pixels[i] = (byte) ((i * 37 + offset) % 256);
        }
        return pixels;
    }

    private static byte[] write(int magic, int[] dimensions, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dimensions) {
                out.writeInt(d);
            }
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
