package dev.genzoo.runtime.data;

import java.nio.charset.StandardCharsets;

/** The header of a version 1.0 {@code .npy} file (NumPy Enhancement Proposal 1), for arrays genzoo writes. */
final class NpyWriting {
    private NpyWriting() {}

    /**
     * The magic, version, header length and dict of a C-ordered array, padded so that the values
     * start at a multiple of 64 bytes.
     *
     * @param dtype NumPy's type string: |u1, &lt;f4
     * @param shape the array's shape
     * @return the bytes before the values
     */
    static byte[] header(String dtype, long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        StringBuilder dict =
                new StringBuilder("{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + tuple + ", }");
        while ((10 + dict.length() + 1) % 64 != 0) {
            dict.append(' ');
        }
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        System.arraycopy(magic, 0, out, 0, 8);
        out[8] = (byte) (text.length & 0xFF);
        out[9] = (byte) (text.length >> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }
}
