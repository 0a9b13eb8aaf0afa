package dev.genzoo.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes .npy and .npz bytes for tests by hand from the format's description (NumPy Enhancement
 * Proposal 1, version 1.0), independently of genzoo's own {@link NpyWriting}.
 */
final class NpyBytes {
    private NpyBytes() {}

    /**
     * An .npy file: magic, version 1.0, the header length (2 bytes, little-endian), the dict padded
     * with spaces to a multiple of 64 bytes and ended by a newline, then the values.
     */
    static byte[] npy(String descr, boolean fortran, String shape, byte[] values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int total = 10 + dict.length() + 1;
        String padded = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(padded.length() & 0xFF);
        out.write(padded.length() >>> 8);
        out.writeBytes(padded.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(values);
        return out.toByteArray();
    }

    /** Unsigned bytes, C order. */
    static byte[] uint8(String shape, int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return npy("|u1", false, shape, bytes);
    }

    /** 32-bit floats in the given byte order, C order. */
    static byte[] float32(ByteOrder order, String shape, float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return npy(order == ByteOrder.BIG_ENDIAN ? ">f4" : "<f4", false, shape, buffer.array());
    }

    /** 64-bit little-endian integers, C order. */
    static byte[] int64(String shape, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buffer.putLong(v);
        }
        return npy("<i8", false, shape, buffer.array());
    }

    /** An .npz archive: each array a member NAME.npy, stored or deflated. */
    static byte[] npz(Map<String, byte[]> arrays, boolean deflated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> array : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(array.getKey() + ".npy");
                if (!deflated) {
                    CRC32 crc = new CRC32();
                    crc.update(array.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(array.getValue().length);
                    entry.setCompressedSize(array.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(array.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
