package dev.genzoo.runtime.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A float32 (or int32) array as a NumPy {@code .npy} file, format version 1.0 (NumPy's "NEP 1"): the magic
 * string, a little-endian header length, a Python dict literal with the dtype {@code <f4}, C order
 * and the shape, padded with spaces to a multiple of 64 bytes, then the values, little-endian.
 * {@code numpy.load} reads it.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyFile() {}

    /**
     * The file's bytes.
     *
     * @param values the values in C (row-major) order
     * @param shape the array's shape; its product is the number of values
     * @return the .npy bytes
     */
    public static byte[] encode(float[] values, long... shape) {
        ByteBuffer out = header("<f4", values.length, shape);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    /**
     * The file's bytes for 32-bit integers (dtype {@code <i4}): class labels, code indices.
     *
     * @param values the values in C (row-major) order
     * @param shape the array's shape; its product is the number of values
     * @return the .npy bytes
     */
    public static byte[] encode(int[] values, long... shape) {
        ByteBuffer out = header("<i4", values.length, shape);
        for (int v : values) {
            out.putInt(v);
        }
        return out.array();
    }

    /** A buffer holding the magic string and header, with room left for the values. */
    private static ByteBuffer header(String descr, int count, long... shape) {
        long size = 1;
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            size *= d;
            dims.append(d).append(shape.length == 1 ? "," : ", ");
        }
        if (size != count) {
            throw new IllegalArgumentException(count + " values do not fill an array of that shape");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims.toString().strip() + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] text = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out =
                ByteBuffer.allocate(MAGIC.length + 2 + text.length + 4 * count).order(ByteOrder.LITTLE_ENDIAN);
        return out.put(MAGIC).putShort((short) text.length).put(text);
    }

    /**
     * Writes the file atomically.
     *
     * @param file the file
     * @param values the values in C order
     * @param shape the shape
     */
    public static void write(Path file, float[] values, long... shape) {
        AtomicFiles.write(file, encode(values, shape));
    }
}
