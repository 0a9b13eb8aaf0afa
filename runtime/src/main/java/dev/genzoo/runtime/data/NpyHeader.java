package dev.genzoo.runtime.data;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of NumPy's {@code .npy} format, versions 1.0 to 3.0 (NumPy Enhancement Proposal 1):
 * the magic {@code \x93NUMPY}, a version, a little-endian header length, then a Python dict
 * literal with {@code descr}, {@code fortran_order} and {@code shape}. It is read as text with
 * patterns, never evaluated; an array of Python objects, which only unpickling could read, is
 * refused.
 *
 * @param kind the type's kind: 'u', 'i', 'f' or 'b'
 * @param itemSize bytes per value
 * @param order the byte order of multi-byte values
 * @param shape the array's shape
 */
record NpyHeader(char kind, int itemSize, ByteOrder order, long[] shape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([uifb])([1248])");

    /**
     * Reads a header, leaving the stream at the first value.
     *
     * @param in the stream at the file's start
     * @param where the file (and entry) for messages
     * @return the header
     * @throws GenzooException naming the file if it is no .npy array, holds objects, strings or
     *     records, or is in Fortran order
     * @throws IOException if reading fails
     */
    static NpyHeader read(InputStream in, String where) throws IOException {
        byte[] start = in.readNBytes(8);
        for (int i = 0; i < MAGIC.length; i++) {
            if (start.length < 8 || start[i] != MAGIC[i]) {
                throw new GenzooException(where + " is not a NumPy .npy array: it does not start with NumPy's magic"
                        + " bytes \\x93NUMPY");
            }
        }
        int major = start[6];
        byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (major < 1 || major > 3 || lengthBytes.length < (major == 1 ? 2 : 4)) {
            throw new GenzooException(where + " is a NumPy array of format version " + major
                    + ", which genzoo does not read (it reads 1.0 to 3.0)");
        }
        long length = 0;
        for (int i = lengthBytes.length - 1; i >= 0; i--) {
            length = length << 8 | (lengthBytes[i] & 0xFF);
        }
        if (length > 1 << 20) {
            throw new GenzooException(where + " has a damaged header: it declares " + length + " header bytes");
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw new GenzooException(where + " is truncated inside its header");
        }
        return parse(new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), where);
    }

    /** The header's dict literal, read by patterns. */
    static NpyHeader parse(String dict, String where) {
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new GenzooException(where + " has a header genzoo cannot read (no descr, fortran_order and shape in '"
                    + dict.strip() + "')");
        }
        String type = descr.group(1);
        if (type.contains("O")) {
            throw new GenzooException(where + " holds Python objects (dtype '" + type
                    + "'), which could only be read by unpickling, and genzoo never unpickles; save numbers, e.g."
                    + " np.save(file, x.astype(np.uint8))");
        }
        Matcher typeParts = TYPE.matcher(type);
        if (!typeParts.matches() || type.matches(".f1|.b[248]")) {
            throw new GenzooException(where + " holds values of dtype '" + type
                    + "'; genzoo reads unsigned and signed integers, floats and booleans");
        }
        if (fortran.group(1).equals("True")) {
            throw new GenzooException(where + " is stored in Fortran (column-major) order; save it in C order, e.g."
                    + " np.save(file, np.ascontiguousarray(x))");
        }
        List<Long> dimensions = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            if (!part.isBlank()) {
                try {
                    dimensions.add(Long.parseLong(part.strip().replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new GenzooException(where + " has a damaged header: its shape is (" + shape.group(1) + ")");
                }
            }
        }
        char kind = typeParts.group(2).charAt(0);
        int size = Integer.parseInt(typeParts.group(3));
        ByteOrder order = typeParts.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new NpyHeader(
                kind,
                size,
                order,
                dimensions.stream().mapToLong(Long::longValue).toArray());
    }

    /** The number of values: the product of the shape. */
    long count() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The dtype as NumPy writes it: |u1, &lt;f4, &gt;i8. */
    String dtype() {
        return (itemSize == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
    }

    /** The shape as Python prints it: (60000, 784). */
    String shapeText() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
