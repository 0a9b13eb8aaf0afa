package dev.genzoo.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A reader of the .npy and .npz files genzoo writes (little-endian float32 or int32, C order), for tests. */
final class NumPyFiles {
    private static final Pattern HEADER = Pattern.compile("'descr': '(<f4|<i4)'.*'shape': \\(([0-9, ]*)\\)");

    private NumPyFiles() {}

    /** One array: its dtype, shape and values as doubles. */
    record Array(String dtype, long[] shape, double[] values) {}

    static Array npy(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Array> npz(Path file) {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().endsWith(".npy")) {
                    continue; // an export's metadata.json, say
                }
                arrays.put(e.getName().replaceFirst("\\.npy$", ""), parse(zip.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return arrays;
    }

    private static Array parse(byte[] bytes) {
        int length = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        Matcher m = HEADER.matcher(new String(bytes, 10, length, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new AssertionError("not an .npy header genzoo writes");
        }
        long[] shape = Arrays.stream(m.group(2).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong)
                .toArray();
        ByteBuffer body =
                ByteBuffer.wrap(bytes, 10 + length, bytes.length - 10 - length).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[body.remaining() / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.group(1).equals("<f4") ? body.getFloat() : body.getInt();
        }
        return new Array(m.group(1), shape, values);
    }
}
