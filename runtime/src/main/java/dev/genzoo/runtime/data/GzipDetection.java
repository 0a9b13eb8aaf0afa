package dev.genzoo.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Recognises a gzip stream by its two magic bytes, 0x1f 0x8b (RFC 1952, section 2.3.1), rather
 * than by a file name.
 */
final class GzipDetection {
    private GzipDetection() {}

    /**
     * Whether the stream starts with the gzip magic; reads nothing away.
     *
     * @param in a stream at its start; it is marked and reset
     * @return true for gzip data
     * @throws IOException if reading fails
     */
    static boolean startsWithMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }
}
