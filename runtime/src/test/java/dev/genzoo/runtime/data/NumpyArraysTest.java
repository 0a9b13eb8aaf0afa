package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .npy and .npz files written byte by byte from NumPy's format description read back to the values
 * written: bytes kept as bytes, floats of either byte order as floats, every shape genzoo takes,
 * labels from an .npz archive stored or deflated, and Fortran order refused.
 */
final class NumpyArraysTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static DataSplit load(Path file) {
        return DataSources.load(file.toString());
    }

    private static DataSplit load(Path file, String arrays) {
        DataOptions d = DataOptions.defaults(file.toString());
        String[] names = arrays.split(",");
        return DataSources.load(
                new DataOptions(
                        d.source(), 0, 0, 0xFFFFFF, d.heldOut(), d.labelColumn(), names[0], names[1], d.cache()),
                DecodingProgress.NONE);
    }

    /** Row r of N x D: r, then 20 r + c for c = 1.. D - 1, all under 256. */
    private static int[] rows(int n, int d) {
        int[] values = new int[n * d];
        for (int r = 0; r < n; r++) {
            values[r * d] = r;
            for (int c = 1; c < d; c++) {
                values[r * d + c] = 20 * r + c;
            }
        }
        return values;
    }

    /** Every example of both parts matched to the row its first value names; returns those rows. */
    private static List<Integer> assertRowsOf(DataSplit split, int n, int d, float scale) {
        List<Integer> seen = new ArrayList<>();
        for (Dataset part : List.of(split.train(), split.test())) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                int r = Math.round(part.value(i * d) * scale);
                order.add(r);
                for (int c = 1; c < d; c++) {
                    assertThat(part.value(i * d + c) * scale).isEqualTo((float) (20 * r + c));
                }
            }
            assertThat(order).isSorted();
            seen.addAll(order);
        }
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, n).boxed().toList());
        return seen;
    }

    @Test
    void unsignedBytesOfNByDAreKeptAsBytesAndSplitAsTheHeldOutFractionSays() throws IOException {
        Path file = write("x.npy", NpyBytes.uint8("(10, 3)", rows(10, 3)));

        DataSplit split = load(file);

        assertThat(split.train().isBytes()).isTrue();
        assertThat(split.train().levels()).isEqualTo(256);
        assertThat(split.train().exampleShape().getShape()).containsExactly(3);
        assertThat(split.train().size()).isEqualTo(9);
        assertThat(split.test().size()).isEqualTo(1);
        assertRowsOf(split, 10, 3, 255);
        DataSplit again = load(file);
        assertThat(again.test().bytes()).isEqualTo(split.test().bytes());
    }

    @Test
    void float32OfEitherByteOrderIsReadExactly() throws IOException {
        float[] values = new float[12];
        for (int i = 0; i < 12; i++) {
            values[i] = i * 0.25f - 1.5f;
        }
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            Path file = write("f-" + order + ".npy", NpyBytes.float32(order, "(6, 2)", values));

            DataSplit split = load(file);

            assertThat(split.train().isBytes()).as(order.toString()).isFalse();
            List<Float> read = new ArrayList<>();
            for (Dataset part : List.of(split.train(), split.test())) {
                for (float v : part.values()) {
                    read.add(v);
                }
            }
            List<Float> written = new ArrayList<>();
            for (float v : values) {
                written.add(v);
            }
            assertThat(read).as(order.toString()).containsExactlyInAnyOrderElementsOf(written);
            // pairs stay together: each example is (v, v + 0.25) with v on the 0.5 grid
            for (Dataset part : List.of(split.train(), split.test())) {
                for (int i = 0; i < part.size(); i++) {
                    assertThat(part.value(2 * i + 1) - part.value(2 * i)).isEqualTo(0.25f);
                }
            }
        }
    }

    @Test
    void halfPrecisionFloatsAreReadExactly() throws IOException {
        // IEEE 754 binary16 bit patterns and their values: 1, -2, 0.5, 65504 (the largest), 2^-24 (the
        // smallest subnormal), 0
        short[] bits = {0x3C00, (short) 0xC000, 0x3800, 0x7BFF, 0x0001, 0x0000};
        float[] values = {1f, -2f, 0.5f, 65504f, 0x1p-24f, 0f};
        java.nio.ByteBuffer body = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (short b : bits) {
            body.putShort(b);
        }
        Path file = write("half.npy", NpyBytes.npy("<f2", false, "(3, 2)", body.array()));

        DataSplit split = load(file);

        List<Float> read = new ArrayList<>();
        for (Dataset part : List.of(split.train(), split.test())) {
            for (float v : part.values()) {
                read.add(v);
            }
        }
        assertThat(read).containsExactlyInAnyOrder(1f, -2f, 0.5f, 65504f, 0x1p-24f, 0f);
        assertThat(values).hasSize(6);
    }

    @Test
    void imagesOfNByCByHByWKeepTheirLayoutAndNByHByWIsOneChannel() throws IOException {
        // 3 images of 2 x 2 x 3: image r's value at (c, y, x) is 100 r + 12 c + 3 y + x
        int[] values = new int[3 * 12];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 12; i++) {
                values[r * 12 + i] = 100 * r + 12 * (i / 6) + 3 * (i / 3 % 2) + i % 3;
            }
        }
        DataSplit colour = load(write("c.npy", NpyBytes.uint8("(3, 2, 2, 3)", values)));
        DataSplit grey = load(write("g.npy", NpyBytes.uint8("(3, 4, 3)", values)));

        assertThat(colour.train().exampleShape().getShape()).containsExactly(2, 2, 3);
        assertThat(grey.train().exampleShape().getShape()).containsExactly(1, 4, 3);
        for (DataSplit split : List.of(colour, grey)) {
            for (Dataset part : List.of(split.train(), split.test())) {
                byte[] bytes = part.bytes();
                for (int i = 0; i < part.size(); i++) {
                    int r = (bytes[i * 12] & 0xFF) / 100;
                    for (int k = 0; k < 12; k++) {
                        assertThat(bytes[i * 12 + k] & 0xFF).isEqualTo(values[r * 12 + k]);
                    }
                }
            }
        }
    }

    @Test
    void integersWithinAByteBecomeBytesAndOthersFloats() throws IOException {
        DataSplit pixels = load(write("p.npy", NpyBytes.int64("(4, 2)", 0, 255, 1, 254, 2, 253, 3, 252)));
        DataSplit counts = load(write("c.npy", NpyBytes.int64("(4, 2)", 0, 256, 1, 254, -2, 253, 3, 252)));

        assertThat(pixels.train().isBytes()).isTrue();
        assertThat(pixels.train().levels()).isEqualTo(256);
        assertThat(counts.train().isBytes()).isFalse();
        List<Float> values = new ArrayList<>();
        for (Dataset part : List.of(counts.train(), counts.test())) {
            for (float v : part.values()) {
                values.add(v);
            }
        }
        assertThat(values).containsExactlyInAnyOrder(0f, 256f, 1f, 254f, -2f, 253f, 3f, 252f);
    }

    @Test
    void stringsAndTypesNumPyDoesNotHaveAreRefusedNamingTheType() throws IOException {
        for (String descr : List.of("<U5", "<f1", "|b4", "<c8")) {
            Path file = write("t.npy", NpyBytes.npy(descr, false, "(2, 2)", new byte[64]));

            assertThatThrownBy(() -> load(file))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageStartingWith(file + " holds values of dtype '" + descr + "'");
        }
    }

    @Test
    void aVersionTwoHeaderWithItsFourByteLengthIsRead() throws IOException {
        byte[] one = NpyBytes.uint8("(2, 2)", 1, 2, 3, 4);
        // version 2.0: the same dict, its length in four bytes
        int length = (one[8] & 0xFF) | (one[9] & 0xFF) << 8;
        byte[] two = new byte[one.length + 2];
        System.arraycopy(one, 0, two, 0, 6);
        two[6] = 2;
        two[8] = (byte) length;
        two[9] = (byte) (length >> 8);
        System.arraycopy(one, 10, two, 12, one.length - 10);

        DataSplit split = load(write("v2.npy", two));

        assertThat(split.train().bytes()).hasSize(2);
        assertThat(split.train().size() + split.test().size()).isEqualTo(2);
        byte[] both = new byte[4];
        System.arraycopy(split.train().bytes(), 0, both, 0, 2);
        System.arraycopy(split.test().bytes(), 0, both, 2, 2);
        assertThat(both)
                .satisfiesAnyOf(
                        b -> assertThat(b).containsExactly(1, 2, 3, 4),
                        b -> assertThat(b).containsExactly(3, 4, 1, 2));
    }

    @Test
    void fortranOrderIsRefusedInOneSentenceNamingTheFile() throws IOException {
        Path file = write("f.npy", NpyBytes.npy("|u1", true, "(2, 3)", new byte[6]));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith(file + " is stored in Fortran (column-major) order")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anNpzGivesExamplesAndLabelsFromXAndYStoredOrDeflated() throws IOException {
        for (boolean deflated : new boolean[] {false, true}) {
            Map<String, byte[]> arrays = new LinkedHashMap<>();
            arrays.put("x", NpyBytes.uint8("(10, 3)", rows(10, 3)));
            arrays.put("y", NpyBytes.int64("(10,)", 0, 1, 2, 0, 1, 2, 0, 1, 2, 0));
            Path file = write("d" + deflated + ".npz", NpyBytes.npz(arrays, deflated));

            DataSplit split = load(file);

            assertRowsOf(split, 10, 3, 255);
            for (Dataset part : List.of(split.train(), split.test())) {
                int[] labels = part.labels().orElseThrow();
                for (int i = 0; i < part.size(); i++) {
                    int r = part.bytes()[i * 3];
                    assertThat(labels[i])
                            .as("deflated " + deflated + " row " + r)
                            .isEqualTo(r % 3);
                }
            }
        }
    }

    @Test
    void otherArrayNamesAreChosenWithArraysAndLabelsAreOptional() throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("images", NpyBytes.uint8("(4, 2)", rows(4, 2)));
        arrays.put("classes", NpyBytes.int64("(4,)", 3, 2, 1, 0));
        Path file = write("named.npz", NpyBytes.npz(arrays, true));

        DataSplit named = load(file, "images,classes");
        DataSplit unlabelled = load(file, "images,y");

        for (Dataset part : List.of(named.train(), named.test())) {
            for (int i = 0; i < part.size(); i++) {
                assertThat(part.labels().orElseThrow()[i]).isEqualTo(3 - part.bytes()[i * 2]);
            }
        }
        assertThat(unlabelled.train().labels()).isEmpty();
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(GenzooException.class)
                .hasMessage(file + " holds no array 'x' (it holds images, classes); name the examples' array with"
                        + " --arrays");
    }

    @Test
    void labelsThatAreNotOnePerExampleAreRefusedNamingTheEntry() throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyBytes.uint8("(4, 2)", rows(4, 2)));
        arrays.put("y", NpyBytes.int64("(3,)", 0, 1, 2));
        Path file = write("short.npz", NpyBytes.npz(arrays, true));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith(file + "!y.npy has shape (3,) but labels must be a vector of 4 integers");
    }
}
