package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What a checkpoint holds, read for comparisons: entries as bytes, arrays as exact text. */
final class CheckpointEntries {
    private CheckpointEntries() {}

    static byte[] entry(Path zip, String name) throws IOException {
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return entries.readAllBytes();
                }
            }
        }
        throw new AssertionError(zip + " has no " + name);
    }

    static String text(Path zip, String name) throws IOException {
        return new String(entry(zip, name), StandardCharsets.UTF_8);
    }

    /** Every array of an npz entry, its values written exactly (Float.toString reads back to the same float). */
    static Map<String, String> arrays(Path zip, String npz) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (NDArray array : NDList.decode(manager, entry(zip, npz))) {
                out.put(array.getName(), array.getShape() + Arrays.toString(array.toFloatArray()));
            }
        }
        return out;
    }

    static float[] array(Path zip, String npz, String name) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (NDArray array : NDList.decode(manager, entry(zip, npz))) {
                if (array.getName().equals(name)) {
                    return array.toFloatArray();
                }
            }
        }
        throw new AssertionError(zip + "!" + npz + " has no array " + name);
    }
}
