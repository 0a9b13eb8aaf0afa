package dev.genzoo.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The .npy bytes as NumPy's format 1.0 lays them out: magic, header length, padded dict, values. */
final class NpyFileTest {

    @Test
    void writesTheMagicAPaddedHeaderAndLittleEndianFloats() {
        float[] values = {1.5f, -2f, 0.25f, 3f, 4f, 5f};
        byte[] bytes = NpyFile.encode(values, 3, 1, 2);
        assertThat(bytes[0]).isEqualTo((byte) 0x93);
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes[7]).isEqualTo((byte) 0);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = buffer.getShort(8);
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header)
                .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1, 2,), }")
                .endsWith("\n");
        for (int i = 0; i < values.length; i++) {
            assertThat(buffer.getFloat(10 + headerLength + 4 * i)).isEqualTo(values[i]);
        }
        assertThat(bytes).hasSize(10 + headerLength + 4 * values.length);
        assertThat(new String(NpyFile.encode(new float[] {1f}, 1), 10, 60, StandardCharsets.US_ASCII))
                .contains("'shape': (1,)");
    }

    @Test
    void aShapeThatTheValuesDoNotFillIsRefused() {
        assertThatThrownBy(() -> NpyFile.encode(new float[5], 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
