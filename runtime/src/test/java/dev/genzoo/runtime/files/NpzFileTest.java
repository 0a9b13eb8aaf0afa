package dev.genzoo.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** An .npz read back as a zip of .npy members, each header and value checked by hand. */
final class NpzFileTest {
    @Test
    void holdsOneNpyMemberPerArrayWithItsDtype() throws IOException {
        byte[] bytes = new NpzFile()
                .put("z", new float[] {1.5f, -2f, 0.25f, 4f}, 2, 2)
                .put("labels", new int[] {7, 3}, 2)
                .encode();
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                members.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(members).containsOnlyKeys("z.npy", "labels.npy");
        assertThat(header(members.get("z.npy")))
                .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2,), }");
        assertThat(header(members.get("labels.npy")))
                .startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }");
        ByteBuffer labels = body(members.get("labels.npy"));
        assertThat(labels.getInt()).isEqualTo(7);
        assertThat(labels.getInt()).isEqualTo(3);
        ByteBuffer z = body(members.get("z.npy"));
        assertThat(new float[] {z.getFloat(), z.getFloat(), z.getFloat(), z.getFloat()})
                .containsExactly(1.5f, -2f, 0.25f, 4f);
    }

    private static String header(byte[] npy) {
        int length = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat((10 + length) % 64).isZero();
        return new String(npy, 10, length, StandardCharsets.US_ASCII);
    }

    private static ByteBuffer body(byte[] npy) {
        int length = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        return ByteBuffer.wrap(npy, 10 + length, npy.length - 10 - length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
