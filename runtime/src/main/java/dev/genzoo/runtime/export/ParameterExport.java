package dev.genzoo.runtime.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.GenzooVersion;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a checkpoint's parameters for other tools: {@code safetensors} (an 8-byte little-endian
 * header length, a JSON header naming each tensor's dtype, shape and byte range, with string
 * metadata under {@code __metadata__}, then the bytes) or {@code npz} (one {@code .npy} per
 * parameter, NumPy format 1.0, and {@code metadata.json}). The metadata names the components, their
 * options, the run's config and which weights these are: the moving average where the run kept one,
 * as {@code sample} and {@code eval} use.
 */
public final class ParameterExport {
    /** The formats written. */
    public enum Format {
        /** Hugging Face's safetensors. */
        SAFETENSORS,
        /** NumPy's npz. */
        NPZ
    }

    private ParameterExport() {}

    /**
     * Exports a checkpoint's parameters.
     *
     * @param checkpoint the checkpoint
     * @param run the run, named in the metadata
     * @param format the format
     * @param out the file to write (replaced atomically)
     * @param averageState the state name of a moving average to prefer, or null
     * @return how many tensors were written
     */
    public static int write(Path checkpoint, Path run, Format format, Path out, String averageState) {
        SavedState state = Checkpoint.read(checkpoint);
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            Checkpoint.SavedParameters saved = Checkpoint.parameters(checkpoint, manager, averageState);
            Map<String, String> metadata = metadata(state, run, saved.averaged(), checkpoint);
            byte[] bytes = format == Format.SAFETENSORS
                    ? safetensors(saved.arrays(), metadata)
                    : npz(saved.arrays(), metadata);
            AtomicFiles.write(out, bytes);
            return saved.arrays().size();
        } catch (IOException e) {
            throw new GenzooException("could not write " + out + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> metadata(SavedState state, Path run, boolean averaged, Path checkpoint) {
        ConfigDraft config = ConfigFile.parse(state.configYaml(), checkpoint + "!config.yaml");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("genzoo.version", state.genzooVersion());
        metadata.put("genzoo.exported-by", GenzooVersion.get());
        metadata.put("genzoo.run", run.toString());
        metadata.put("genzoo.epoch", Integer.toString(state.epoch()));
        metadata.put("genzoo.step", Long.toString(state.step()));
        metadata.put("genzoo.weights", averaged ? "moving average (ema)" : "trained");
        for (Role role : Role.values()) {
            metadata.put("genzoo." + role.word(), config.components.getOrDefault(role, ""));
            JsonObject options = new JsonObject();
            config.roleOptions.getOrDefault(role, Map.of()).forEach(options::addProperty);
            metadata.put("genzoo." + role.word() + ".options", options.toString());
        }
        metadata.put("genzoo.config", state.configYaml());
        return metadata;
    }

    /** The safetensors dtype and NumPy descr of a data type. */
    private static String[] types(DataType type, String name) {
        return switch (type) {
            case FLOAT32 -> new String[] {"F32", "<f4"};
            case FLOAT64 -> new String[] {"F64", "<f8"};
            case FLOAT16 -> new String[] {"F16", "<f2"};
            case INT32 -> new String[] {"I32", "<i4"};
            case INT64 -> new String[] {"I64", "<i8"};
            case INT8 -> new String[] {"I8", "|i1"};
            case UINT8 -> new String[] {"U8", "|u1"};
            case BOOLEAN -> new String[] {"BOOL", "|b1"};
            default -> throw new GenzooException("parameter " + name + " has type " + type + ", which is not exported");
        };
    }

    /** The array's values, little-endian. */
    private static byte[] littleEndian(NDArray array) {
        ByteBuffer buffer = array.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
                && array.getDataType().getNumOfBytes() > 1) {
            throw new GenzooException("exporting from a big-endian machine is not supported");
        }
        return bytes;
    }

    static byte[] safetensors(Map<String, NDArray> arrays, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add("__metadata__", meta);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray array = e.getValue();
            byte[] bytes = littleEndian(array);
            JsonObject tensor = new JsonObject();
            tensor.addProperty("dtype", types(array.getDataType(), e.getKey())[0]);
            JsonArray shape = new JsonArray();
            for (long dim : array.getShape().getShape()) {
                shape.add(dim);
            }
            tensor.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(data.size());
            offsets.add(data.size() + bytes.length);
            tensor.add("data_offsets", offsets);
            header.add(e.getKey(), tensor);
            data.write(bytes);
        }
        byte[] json =
                new GsonBuilder().disableHtmlEscaping().create().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        out.put(data.toByteArray());
        return out.array();
    }

    static byte[] npz(Map<String, NDArray> arrays, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                npy(zip, e.getValue(), e.getKey());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write(new GsonBuilder()
                    .setPrettyPrinting()
                    .disableHtmlEscaping()
                    .create()
                    .toJson(metadata)
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** NumPy format 1.0: magic, version, header length, a dict padded to 64 bytes, the values. */
    private static void npy(OutputStream out, NDArray array, String name) throws IOException {
        StringJoiner shape = new StringJoiner(", ", "(", array.getShape().dimension() == 1 ? ",)" : ")");
        for (long dim : array.getShape().getShape()) {
            shape.add(Long.toString(dim));
        }
        String dict = String.format(
                Locale.ROOT,
                "{'descr': '%s', 'fortran_order': False, 'shape': %s, }",
                types(array.getDataType(), name)[1],
                shape);
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer start = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        start.put((byte) 0x93)
                .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 0);
        start.putShort((short) header.length());
        out.write(start.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(littleEndian(array));
    }
}
