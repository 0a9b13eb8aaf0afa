package dev.genzoo.runtime.events;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC-32C (Castagnoli, RFC 3720) of the bytes, masked as
 * ((crc >>> 15) | (crc << 17)) + 0xa282ead8, so that a CRC of data holding CRCs is not degenerate.
 */
final class MaskedCrc {
    private static final int DELTA = 0xa282ead8;

    private MaskedCrc() {}

    /** The masked CRC-32C of a range of bytes. */
    static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + DELTA;
    }
}
