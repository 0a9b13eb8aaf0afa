package dev.genzoo.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The safetensors layout parsed by hand from its specification: length, JSON header, offsets, bytes. */
final class ParameterExportTest {

    @Test
    void safetensorsHoldsEachTensorAtItsOffsetsWithTheMetadata() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            arrays.put(
                    "encoder.w",
                    manager.create(new float[] {1.5f, -2f, 3.25f, 4f, 5f, 6f}, new ai.djl.ndarray.types.Shape(2, 3)));
            arrays.put("decoder.b", manager.create(new float[] {0.125f}));
            byte[] file = ParameterExport.safetensors(arrays, Map.of("genzoo.encoder", "mlp-gaussian"));

            ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            long length = in.getLong();
            assertThat(length % 8).as("header padded to 8 bytes").isZero();
            JsonObject header = JsonParser.parseString(new String(file, 8, (int) length, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            assertThat(header.getAsJsonObject("__metadata__")
                            .get("genzoo.encoder")
                            .getAsString())
                    .isEqualTo("mlp-gaussian");
            JsonObject w = header.getAsJsonObject("encoder.w");
            assertThat(w.get("dtype").getAsString()).isEqualTo("F32");
            assertThat(w.get("shape").toString()).isEqualTo("[2,3]");
            assertThat(w.get("data_offsets").toString()).isEqualTo("[0,24]");
            assertThat(header.getAsJsonObject("decoder.b").get("data_offsets").toString())
                    .isEqualTo("[24,28]");
            ByteBuffer data =
                    ByteBuffer.wrap(file, 8 + (int) length, 28).slice().order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[7];
            for (int i = 0; i < 7; i++) {
                values[i] = data.getFloat();
            }
            assertThat(values).containsExactly(1.5f, -2f, 3.25f, 4f, 5f, 6f, 0.125f);
            assertThat(file).hasSize(8 + (int) length + 28);
        }
    }

    @Test
    void npzMembersAreNumpyFormatOneWithA64ByteAlignedHeader() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] npz = ParameterExport.npz(Map.of("w", manager.create(new float[] {1f, 2f})), Map.of("k", "v"));
            try (java.util.zip.ZipInputStream zip =
                    new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(npz))) {
                assertThat(zip.getNextEntry().getName()).isEqualTo("w.npy");
                byte[] npy = zip.readAllBytes();
                assertThat(new String(npy, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
                int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
                assertThat((10 + headerLength) % 64).isZero();
                String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
                assertThat(header)
                        .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }")
                        .endsWith("\n");
                ByteBuffer data = ByteBuffer.wrap(npy, 10 + headerLength, 8).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(data.getFloat()).isEqualTo(1f);
                assertThat(data.getFloat()).isEqualTo(2f);
                assertThat(zip.getNextEntry().getName()).isEqualTo("metadata.json");
            }
        }
    }
}
