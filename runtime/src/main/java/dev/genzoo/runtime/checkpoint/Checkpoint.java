package dev.genzoo.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.GenzooVersion;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.FitStart;
import dev.genzoo.runtime.train.StatefulCallback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A training checkpoint: one zip holding {@code state.json} (format, version, epoch, step),
 * {@code config.yaml}, {@code parameters.npz} and {@code optimizer.npz}, and where the run has
 * stateful callbacks (format 2), their arrays in {@code callbacks.npz} (named {@code
 * <callback>/<array>}) and their values in {@code callbacks.json}. Readable from Python with
 * {@code zipfile} and {@code numpy.load}. Written atomically; read without executing code.
 */
public final class Checkpoint {
    /** The checkpoint's file name in a run directory. */
    public static final String FILE = "checkpoint.zip";
    /**
     * The newest format: 2 adds the state of stateful callbacks, 3 a position inside an epoch (a
     * checkpoint written between two steps); a reader refuses newer ones.
     */
    public static final int FORMAT = 3;
    /** The format of a checkpoint with the state of stateful callbacks, at an epoch's end. */
    static final int CALLBACKS_FORMAT = 2;
    /** The format of a checkpoint without callback state, which every genzoo reads. */
    static final int PLAIN_FORMAT = 1;

    private static final String STATE = "state.json";
    private static final String CONFIG = "config.yaml";
    private static final String PARAMETERS = "parameters.npz";
    private static final String OPTIMIZER = "optimizer.npz";
    private static final String CALLBACK_ARRAYS = "callbacks.npz";
    private static final String CALLBACK_VALUES = "callbacks.json";

    private Checkpoint() {}

    /**
     * Writes a checkpoint atomically: a kill during the write leaves the previous one intact.
     *
     * @param file the target
     * @param model the model whose parameters are saved
     * @param adam its optimizer, or null to save parameters only
     * @param config the resolved config
     * @param epoch epochs completed
     * @param step optimizer steps taken
     * @param callbacks the run's stateful callbacks, whose state is saved too
     */
    public static void write(
            Path file,
            AssembledModel model,
            Adam adam,
            ExperimentConfig config,
            int epoch,
            long step,
            List<StatefulCallback> callbacks) {
        write(file, model, adam, config, new FitStart(epoch, step, Double.NaN), callbacks);
    }

    /**
     * Writes a checkpoint atomically at any position of a fit: an epoch's end, or between two
     * steps of an epoch (format 3, with the steps taken into it and their running sums). A stateful
     * callback with no state to save (one a setting turned off) is left out.
     *
     * @param file the target
     * @param model the model whose parameters are saved
     * @param adam its optimizer, or null to save parameters only
     * @param config the resolved config
     * @param position where the fit stands (seconds NaN if not to be recorded)
     * @param callbacks the run's stateful callbacks, whose state is saved too
     */
    public static void write(
            Path file,
            AssembledModel model,
            Adam adam,
            ExperimentConfig config,
            FitStart position,
            List<StatefulCallback> callbacks) {
        Map<String, NDArray> callbackArrays = new LinkedHashMap<>();
        JsonObject callbackValues = new JsonObject();
        for (StatefulCallback callback : callbacks) {
            String name = callback.stateName();
            if (callbackValues.has(name)) {
                throw new IllegalStateException("two callbacks save their state as '" + name + "'");
            }
            if (callback.stateValues().isEmpty() && callback.stateArrays().isEmpty()) {
                continue;
            }
            JsonObject values = new JsonObject();
            callback.stateValues().forEach(values::addProperty);
            callbackValues.add(name, values);
            callback.stateArrays().forEach((key, array) -> callbackArrays.put(name + "/" + key, array));
        }
        boolean withCallbacks = callbackValues.size() > 0;
        JsonObject state = new JsonObject();
        state.addProperty("format", position.midEpoch() ? FORMAT : withCallbacks ? CALLBACKS_FORMAT : PLAIN_FORMAT);
        state.addProperty("genzoo", GenzooVersion.get());
        state.addProperty("epoch", position.epoch());
        state.addProperty("step", position.step());
        state.addProperty("adamSteps", adam == null ? 0 : adam.steps());
        if (!Double.isNaN(position.seconds())) {
            state.addProperty("seconds", position.seconds());
        }
        if (position.midEpoch()) {
            state.addProperty("batches", position.batches());
            JsonObject sums = new JsonObject();
            // as text: Double.toString reads back to the same double, so the epoch's means are bit-exact
            position.sums().forEach((name, sum) -> sums.addProperty(name, Double.toString(sum)));
            state.add("sums", sums);
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            entry(zip, STATE, state.toString().getBytes(StandardCharsets.UTF_8));
            entry(zip, CONFIG, ConfigFile.toYaml(config).getBytes(StandardCharsets.UTF_8));
            entry(zip, PARAMETERS, npz(named(model.parameters())));
            entry(zip, OPTIMIZER, npz(adam == null ? Map.of() : adam.state()));
            if (withCallbacks) {
                entry(zip, CALLBACK_ARRAYS, npz(callbackArrays));
                entry(zip, CALLBACK_VALUES, callbackValues.toString().getBytes(StandardCharsets.UTF_8));
            }
            zip.finish();
        });
    }

    private static Map<String, NDArray> named(Map<String, Parameter> parameters) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        parameters.forEach((name, p) -> arrays.put(name, p.getArray()));
        return arrays;
    }

    private static byte[] npz(Map<String, NDArray> arrays) throws IOException {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList list = new NDList();
            arrays.forEach((name, array) -> {
                NDArray copy = array.toDevice(ai.djl.Device.cpu(), true);
                copy.setName(name);
                list.add(copy);
            });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            list.encode(bytes, NDList.Encoding.NPZ);
            return bytes.toByteArray();
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads a checkpoint's header and config, without its arrays.
     *
     * @param file the checkpoint
     * @return where training stood
     * @throws GenzooException if the file is missing, not a checkpoint, or from a newer format
     */
    public static SavedState read(Path file) {
        Map<String, byte[]> entries = entries(file, false);
        JsonObject state;
        try {
            state = new Gson().fromJson(new String(entries.get(STATE), StandardCharsets.UTF_8), JsonObject.class);
            int format = state.get("format").getAsInt();
            if (format > FORMAT) {
                throw new GenzooException(String.format(
                        "checkpoint %s has format %d, newer than this genzoo reads (%d); upgrade genzoo",
                        file, format, FORMAT));
            }
            Map<String, Double> sums = new LinkedHashMap<>();
            if (state.has("sums")) {
                state.getAsJsonObject("sums")
                        .entrySet()
                        .forEach(e ->
                                sums.put(e.getKey(), Double.valueOf(e.getValue().getAsString())));
            }
            return new SavedState(
                    state.get("epoch").getAsInt(),
                    state.get("step").getAsLong(),
                    state.get("adamSteps").getAsLong(),
                    new String(entries.get(CONFIG), StandardCharsets.UTF_8),
                    state.get("genzoo").getAsString(),
                    state.has("batches") ? state.get("batches").getAsInt() : 0,
                    sums,
                    state.has("seconds") ? state.get("seconds").getAsDouble() : Double.NaN);
        } catch (JsonParseException
                | NullPointerException
                | IllegalStateException
                | UnsupportedOperationException
                | NumberFormatException e) {
            throw new GenzooException("checkpoint " + file + " has a malformed state.json", e);
        }
    }

    /**
     * Loads a checkpoint's arrays into a model built from its config (and into its optimizer and
     * the run's stateful callbacks).
     *
     * @param file the checkpoint
     * @param model the model, built from the checkpoint's config
     * @param adam the optimizer to restore, or null
     * @param callbacks the run's stateful callbacks; one the checkpoint has no state for keeps its
     *     own
     * @throws GenzooException if the arrays do not match the model, or a parameter is not finite
     */
    public static void restore(Path file, AssembledModel model, Adam adam, List<StatefulCallback> callbacks) {
        Map<String, byte[]> entries = entries(file, true);
        try (NDManager scratch = model.manager().newSubManager(ai.djl.Device.cpu())) {
            Map<String, NDArray> saved = decode(file, entries.get(PARAMETERS), scratch);
            refuseNonFinite(file, saved);
            copyAll(file, saved, named(model.parameters()), "parameter", true);
            if (adam != null) {
                Map<String, NDArray> moments = decode(file, entries.get(OPTIMIZER), scratch);
                copyAll(file, moments, adam.state(), "optimizer array", true);
                adam.restoreSteps(read(file).adamSteps());
            }
            restoreCallbacks(file, entries, callbacks, scratch);
        }
    }

    private static void restoreCallbacks(
            Path file, Map<String, byte[]> entries, List<StatefulCallback> callbacks, NDManager scratch) {
        if (callbacks.isEmpty() || !entries.containsKey(CALLBACK_VALUES)) {
            return;
        }
        JsonObject values;
        try {
            values = JsonParser.parseString(new String(entries.get(CALLBACK_VALUES), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new GenzooException("checkpoint " + file + " has a malformed " + CALLBACK_VALUES, e);
        }
        Map<String, NDArray> arrays =
                entries.containsKey(CALLBACK_ARRAYS) ? decode(file, entries.get(CALLBACK_ARRAYS), scratch) : Map.of();
        for (StatefulCallback callback : callbacks) {
            String name = callback.stateName();
            if (!values.has(name)) {
                continue;
            }
            Map<String, NDArray> live = new LinkedHashMap<>();
            callback.stateArrays().forEach((key, array) -> live.put(name + "/" + key, array));
            copyAll(file, arrays, live, "array of callback '" + name + "'", false);
            Map<String, String> restored = new LinkedHashMap<>();
            values.getAsJsonObject(name)
                    .entrySet()
                    .forEach(e -> restored.put(e.getKey(), e.getValue().getAsString()));
            callback.restoreState(restored);
        }
    }

    /**
     * Copies the arrays a stateful callback saved over some of the model's parameters, where the
     * checkpoint has them: the moving average of the weights over the trained weights, say.
     *
     * @param file the checkpoint, already restored into the model
     * @param model the model
     * @param stateName the callback's state name; its arrays are named as the parameters
     * @return whether the checkpoint held that callback's arrays (and they were copied)
     * @throws GenzooException if an array does not match its parameter
     */
    public static boolean restoreParametersFromCallback(Path file, AssembledModel model, String stateName) {
        Map<String, byte[]> entries = entries(file, true);
        if (!entries.containsKey(CALLBACK_ARRAYS)) {
            return false;
        }
        try (NDManager scratch = model.manager().newSubManager(ai.djl.Device.cpu())) {
            Map<String, NDArray> saved = decode(file, entries.get(CALLBACK_ARRAYS), scratch);
            String prefix = stateName + "/";
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            saved.forEach((name, array) -> {
                if (name.startsWith(prefix)) {
                    arrays.put(name.substring(prefix.length()), array);
                }
            });
            if (arrays.isEmpty()) {
                return false;
            }
            refuseNonFinite(file, arrays);
            Map<String, NDArray> live = new LinkedHashMap<>();
            model.parameters().forEach((name, p) -> {
                if (arrays.containsKey(name)) {
                    live.put(name, p.getArray());
                }
            });
            copyAll(file, arrays, live, "array of callback '" + stateName + "'", true);
            return true;
        }
    }

    /**
     * The model's parameters as a checkpoint holds them, by stable name, with the moving average of
     * the weights in place of the trained ones where the run kept one (as {@code sample} and {@code
     * eval} use it): what an export writes.
     *
     * @param file the checkpoint
     * @param manager where the arrays are made (on the CPU)
     * @param averageState the state name of the callback whose arrays replace parameters of the same
     *     name, or null for the trained weights
     * @return name to array, in the checkpoint's order, and whether the average was used
     */
    public static SavedParameters parameters(Path file, NDManager manager, String averageState) {
        Map<String, byte[]> entries = entries(file, true);
        Map<String, NDArray> saved = new LinkedHashMap<>();
        NDList.decode(manager, entries.get(PARAMETERS)).forEach(a -> saved.put(a.getName(), a));
        refuseNonFinite(file, saved);
        boolean averaged = false;
        if (averageState != null && entries.containsKey(CALLBACK_ARRAYS)) {
            String prefix = averageState + "/";
            for (NDArray array : NDList.decode(manager, entries.get(CALLBACK_ARRAYS))) {
                String name = array.getName();
                if (name.startsWith(prefix) && saved.containsKey(name.substring(prefix.length()))) {
                    saved.put(name.substring(prefix.length()), array);
                    averaged = true;
                }
            }
        }
        return new SavedParameters(saved, averaged);
    }

    /**
     * A checkpoint's parameters, read for export.
     *
     * @param arrays stable name to array
     * @param averaged whether a moving average replaced the trained weights
     */
    public record SavedParameters(Map<String, NDArray> arrays, boolean averaged) {}

    /** A checkpoint whose parameters are not all finite numbers cannot be used: name them. */
    private static void refuseNonFinite(Path file, Map<String, NDArray> saved) {
        List<String> bad = new ArrayList<>();
        saved.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            float[] values = e.getValue().toFloatArray();
            int count = 0;
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    count++;
                }
            }
            if (count > 0) {
                bad.add(String.format("%s (%d of %d values)", e.getKey(), count, values.length));
            }
        });
        if (!bad.isEmpty()) {
            throw new GenzooException(String.format(
                    "checkpoint %s holds parameters that are not finite numbers (NaN or infinite): %s; the run"
                            + " diverged before this checkpoint was written, so it cannot be sampled, evaluated or"
                            + " resumed",
                    file,
                    String.join(", ", bad.subList(0, Math.min(5, bad.size())))
                            + (bad.size() > 5 ? " and " + (bad.size() - 5) + " more" : "")));
        }
    }

    /**
     * Loads some of a model's parameters from a checkpoint of another model that shares them (a
     * run's encoder and decoder into a model with a new prior); the checkpoint's other arrays are
     * ignored.
     *
     * @param file the checkpoint
     * @param model the model
     * @param which the names, as in {@link AssembledModel#parameters()}, of the parameters to load
     * @throws GenzooException if the checkpoint lacks one of them or holds it in another shape
     */
    public static void restoreParameters(Path file, AssembledModel model, Predicate<String> which) {
        Map<String, byte[]> entries = entries(file, true);
        Map<String, Parameter> chosen = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> {
            if (which.test(name)) {
                chosen.put(name, p);
            }
        });
        try (NDManager scratch = model.manager().newSubManager(ai.djl.Device.cpu())) {
            Map<String, NDArray> saved = decode(file, entries.get(PARAMETERS), scratch);
            Map<String, NDArray> used = new LinkedHashMap<>(saved);
            used.keySet().retainAll(chosen.keySet());
            refuseNonFinite(file, used);
            copyAll(file, saved, named(chosen), "parameter", false);
        }
    }

    private static Map<String, NDArray> decode(Path file, byte[] npz, NDManager manager) {
        try {
            NDList list = NDList.decode(manager, npz);
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray array : list) {
                byName.put(array.getName(), array);
            }
            return byName;
        } catch (IllegalArgumentException | ArithmeticException | IllegalStateException | IndexOutOfBoundsException e) {
            // DJL's numpy reader: a malformed header, a shape whose size overflows, data cut short
            throw new GenzooException("checkpoint " + file + " holds arrays that do not decode", e);
        }
    }

    private static void copyAll(
            Path file, Map<String, NDArray> saved, Map<String, NDArray> live, String what, boolean all) {
        for (Map.Entry<String, NDArray> entry : live.entrySet()) {
            NDArray source = saved.get(entry.getKey());
            NDArray target = entry.getValue();
            if (source == null) {
                throw new GenzooException(String.format(
                        "checkpoint %s does not match the model: it has no %s '%s'", file, what, entry.getKey()));
            }
            if (!source.getShape().equals(target.getShape())) {
                throw new GenzooException(String.format(
                        "checkpoint %s does not match the model: %s '%s' is %s there and %s here",
                        file, what, entry.getKey(), source.getShape(), target.getShape()));
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                target.muli(0).addi(source.toDevice(target.getDevice(), false));
            }
        }
        if (all && saved.size() != live.size()) {
            throw new GenzooException(String.format(
                    "checkpoint %s does not match the model: it holds %d %ss, the model %d",
                    file, saved.size(), what, live.size()));
        }
    }

    private static Map<String, byte[]> entries(Path file, boolean arrays) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                boolean wanted = name.equals(STATE)
                        || name.equals(CONFIG)
                        || (arrays
                                && (name.equals(PARAMETERS)
                                        || name.equals(OPTIMIZER)
                                        || name.equals(CALLBACK_ARRAYS)
                                        || name.equals(CALLBACK_VALUES)));
                if (wanted) {
                    entries.put(name, zip.readAllBytes());
                }
            }
        } catch (NoSuchFileException e) {
            throw new GenzooException("no checkpoint at " + file);
        } catch (ZipException e) {
            throw new GenzooException("checkpoint " + file + " is not a valid zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GenzooException("checkpoint " + file + " could not be read: " + e.getMessage(), e);
        }
        for (String required :
                arrays ? new String[] {STATE, CONFIG, PARAMETERS, OPTIMIZER} : new String[] {STATE, CONFIG}) {
            if (!entries.containsKey(required)) {
                throw new GenzooException("checkpoint " + file + " is incomplete: it has no " + required);
            }
        }
        return entries;
    }
}
