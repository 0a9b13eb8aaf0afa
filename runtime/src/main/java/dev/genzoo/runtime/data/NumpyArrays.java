package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Examples from NumPy files: an {@code .npy} array (N x D vectors, N x H x W grey images or N x C
 * x H x W images), or an {@code .npz} archive of such an array and, optionally, a vector of N
 * integer class labels. 8-bit arrays (and integer arrays whose values all lie in 0..255) are kept
 * as bytes of 256 levels, booleans as bytes of 2; other numbers are read as floats. A fixed
 * fraction is held out for testing.
 */
final class NumpyArrays {
    /** The constant seed of an array's held-out permutation. */
    static final long SPLIT_SEED = 0x4E50_5A5EL;

    private static final int BUFFER = 1 << 16;

    private NumpyArrays() {}

    /** Whether a file is read here, by its name. */
    static boolean reads(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".npy") || name.endsWith(".npz");
    }

    /**
     * Reads a .npy or .npz file and holds out a fraction.
     *
     * @param file the file
     * @param options the held-out fraction and, for .npz, the arrays' names
     * @param name the data set's name
     * @return the split
     * @throws GenzooException naming the file (and entry) if it cannot be read, holds objects, is
     *     truncated, holds a value that is not a finite number, or its labels do not fit
     */
    static DataSplit load(Path file, DataOptions options, String name) {
        try {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
                try (InputStream in = new BufferedInputStream(java.nio.file.Files.newInputStream(file), BUFFER)) {
                    return examples(in, file.toString(), options, name).build(null);
                }
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry x = zip.getEntry(options.examplesArray() + ".npy");
                if (x == null) {
                    throw new GenzooException(file + " holds no array '" + options.examplesArray() + "' (it holds "
                            + String.join(", ", arrays(zip)) + "); name the examples' array with --arrays");
                }
                Examples examples;
                try (InputStream in = new BufferedInputStream(zip.getInputStream(x), BUFFER)) {
                    examples = examples(in, file + "!" + x.getName(), options, name);
                }
                ZipEntry y = zip.getEntry(options.labelsArray() + ".npy");
                if (y == null) {
                    return examples.build(null);
                }
                try (InputStream in = new BufferedInputStream(zip.getInputStream(y), BUFFER)) {
                    return examples.build(labels(in, file + "!" + y.getName(), examples.rows.rows()));
                }
            } catch (ZipException e) {
                throw new GenzooException(file + " is not a readable .npz archive (" + e.getMessage() + ")", e);
            }
        } catch (AccessDeniedException e) {
            throw new GenzooException("genzoo may not read " + file + "; check its permissions", e);
        } catch (IOException e) {
            throw new GenzooException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> arrays(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            names.add(entry.getName().replaceFirst("\\.npy$", ""));
        }
        return names;
    }

    /** The examples read, before labels are attached. */
    private record Examples(SplitRows rows, String name, Shape shape, int levels, boolean integers) {
        DataSplit build(int[] labels) {
            if (labels != null) {
                for (int row = 0; row < labels.length; row++) {
                    rows.label(row, labels[row]);
                }
            }
            DataSplit split = rows.build(name, shape, levels, List.of());
            return integers ? asBytesIfEightBit(split) : split;
        }
    }

    private static Examples examples(InputStream in, String where, DataOptions options, String name)
            throws IOException {
        NpyHeader header = NpyHeader.read(in, where);
        long[] s = header.shape();
        if (s.length < 2 || s.length > 4) {
            throw new GenzooException(where + " has shape " + header.shapeText()
                    + "; genzoo reads N x D vectors, N x H x W grey images or N x C x H x W images");
        }
        if (s[0] < 2 || s[0] > Integer.MAX_VALUE) {
            throw new GenzooException(where + " holds " + s[0] + " examples; a data set needs at least 2, to"
                    + " train on one part and test on the other");
        }
        Shape shape = s.length == 2
                ? new Shape(s[1])
                : s.length == 3 ? new Shape(1, s[1], s[2]) : new Shape(s[1], s[2], s[3]);
        if (shape.size() <= 0 || shape.size() > Integer.MAX_VALUE) {
            throw new GenzooException(where + " has shape " + header.shapeText() + ", which genzoo cannot hold");
        }
        int n = (int) s[0];
        int size = (int) shape.size();
        boolean[] test = HeldOutSplit.heldOut(n, HeldOutSplit.count(n, options.heldOut()), SPLIT_SEED);
        char kind = header.kind();
        if (header.itemSize() == 1 && (kind == 'u' || kind == 'b')) {
            SplitRows rows = SplitRows.ofBytes(test, size);
            for (int row = 0; row < n; row++) {
                byte[] target = rows.bytesOf(row);
                int at = rows.offset(row);
                if (in.readNBytes(target, at, size) < size) {
                    throw truncated(where, header, row);
                }
                if (kind == 'b') {
                    for (int i = at; i < at + size; i++) {
                        if ((target[i] & 0xFE) != 0) {
                            throw new GenzooException(
                                    where + " entry " + ((long) row * size + i - at) + " is not a boolean (0 or 1)");
                        }
                    }
                }
            }
            return new Examples(rows, name, shape, kind == 'b' ? 2 : 256, false);
        }
        SplitRows rows = SplitRows.ofFloats(test, size);
        byte[] raw = new byte[size * header.itemSize()];
        for (int row = 0; row < n; row++) {
            if (in.readNBytes(raw, 0, raw.length) < raw.length) {
                throw truncated(where, header, row);
            }
            ByteBuffer values = ByteBuffer.wrap(raw).order(header.order());
            float[] target = rows.floatsOf(row);
            int at = rows.offset(row);
            for (int i = 0; i < size; i++) {
                double v = read(values, header);
                if (!Double.isFinite(v)) {
                    throw new GenzooException(where + " entry " + ((long) row * size + i) + " (example " + row + ") is "
                            + v + ", not a finite number");
                }
                target[at + i] = (float) v;
            }
        }
        return new Examples(rows, name, shape, 0, kind != 'f');
    }

    private static GenzooException truncated(String where, NpyHeader header, int row) {
        return new GenzooException(where + " is truncated: its header promises " + header.shapeText() + " values of "
                + header.dtype() + " but it ends inside example " + row);
    }

    private static double read(ByteBuffer values, NpyHeader header) {
        return switch (header.kind()) {
            case 'f' ->
                switch (header.itemSize()) {
                    case 2 -> half(values.getShort());
                    case 4 -> values.getFloat();
                    default -> values.getDouble();
                };
            case 'u' ->
                switch (header.itemSize()) {
                    case 1 -> values.get() & 0xFF;
                    case 2 -> values.getShort() & 0xFFFF;
                    case 4 -> values.getInt() & 0xFFFFFFFFL;
                    default -> {
                        long bits = values.getLong();
                        yield bits >= 0 ? bits : 0x1p64 + bits;
                    }
                };
            case 'i' ->
                switch (header.itemSize()) {
                    case 1 -> values.get();
                    case 2 -> values.getShort();
                    case 4 -> values.getInt();
                    default -> values.getLong();
                };
            default -> values.get() != 0 ? 1 : 0;
        };
    }

    /** An IEEE 754 binary16 value (NumPy's float16): sign, 5 exponent bits biased by 15, 10 fraction bits. */
    static float half(short bits) {
        int exponent = bits >> 10 & 0x1F;
        int fraction = bits & 0x3FF;
        float magnitude = exponent == 0
                ? fraction * 0x1p-24f
                : exponent == 31
                        ? (fraction == 0 ? Float.POSITIVE_INFINITY : Float.NaN)
                        : (1 + fraction / 1024f) * Math.scalb(1f, exponent - 15);
        return bits < 0 ? -magnitude : magnitude;
    }

    /** Integer arrays whose values all lie in 0..255 become bytes of 256 levels: 8-bit pixels. */
    private static DataSplit asBytesIfEightBit(DataSplit split) {
        for (Dataset part : List.of(split.train(), split.test())) {
            for (float v : part.values()) {
                if (v < 0 || v > 255) {
                    return split;
                }
            }
        }
        return new DataSplit(toBytes(split.train()), toBytes(split.test()));
    }

    private static Dataset toBytes(Dataset part) {
        float[] values = part.values();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Dataset.ofBytes(
                        part.name(),
                        part.exampleShape(),
                        bytes,
                        256,
                        part.labels().orElse(null))
                .withClasses(part.classes());
    }

    private static int[] labels(InputStream in, String where, int n) throws IOException {
        NpyHeader header = NpyHeader.read(in, where);
        long[] s = header.shape();
        boolean vector = s.length == 1 || (s.length == 2 && s[1] == 1);
        if (!vector || s[0] != n) {
            throw new GenzooException(where + " has shape " + header.shapeText() + " but labels must be a vector of "
                    + n + " integers, one per example");
        }
        if (header.kind() == 'f') {
            throw new GenzooException(where + " holds floats (" + header.dtype() + "); class labels must be integers");
        }
        byte[] raw = in.readNBytes(n * header.itemSize());
        if (raw.length < n * header.itemSize()) {
            throw truncated(where, header, raw.length / header.itemSize());
        }
        ByteBuffer values = ByteBuffer.wrap(raw).order(header.order());
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double v = read(values, header);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new GenzooException(
                        where + " entry " + i + " is " + (long) v + "; class labels are integers from 0");
            }
            labels[i] = (int) v;
        }
        return labels;
    }
}
