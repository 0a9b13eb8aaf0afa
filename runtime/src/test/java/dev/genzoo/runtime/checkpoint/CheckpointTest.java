package dev.genzoo.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.TrainingStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckpointTest {
    private static final Shape DATA = new Shape(1, 4, 4);
    private final GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));

    private ExperimentConfig config(long seed) {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "12");
        draft.options.put("latent", "3");
        draft.set(Settings.SEED, (long) (seed));
        return runtime.resolve(draft);
    }

    private static float loss(AssembledModel model, NDArray batch) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Engine.getInstance().setRandomSeed(99);
            StepContext context = StepContext.evaluation(0, model.manager(), model.parameterStore());
            return model.objective()
                    .evaluate(batch, model.model(), context)
                    .loss()
                    .getFloat();
        }
    }

    private static void trainSteps(AssembledModel model, Adam adam, NDArray batch, int steps) {
        TrainingStep step = new TrainingStep(model, adam);
        for (int i = 0; i < steps; i++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                step.run(batch, StepContext.training(i, 0, steps, steps, model.manager(), model.parameterStore()));
            }
        }
    }

    @Test
    void aRoundTripReproducesTheSameLossAndOptimizerState(@TempDir Path dir) {
        Path file = dir.resolve("checkpoint.zip");
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel trained = runtime.assemble(config(1), manager, DATA);
                AssembledModel fresh = runtime.assemble(config(2), manager, DATA)) {
            NDArray batch = manager.randomUniform(0f, 1f, new Shape(8).addAll(DATA))
                    .gt(0.5f)
                    .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            Adam adam = new Adam(trained.parameters(), 0.01);
            trainSteps(trained, adam, batch, 5);
            Checkpoint.write(file, trained, adam, config(1), 1, 5, List.of());

            float expected = loss(trained, batch);
            assertThat(loss(fresh, batch)).isNotEqualTo(expected);
            Adam restored = new Adam(fresh.parameters(), 0.01);
            Checkpoint.restore(file, fresh, restored, List.of());
            assertThat(loss(fresh, batch)).isEqualTo(expected);
            assertThat(restored.steps()).isEqualTo(5);
            String m = adam.state().keySet().iterator().next();
            assertThat(restored.state().get(m).toFloatArray())
                    .containsExactly(adam.state().get(m).toFloatArray());

            // one more step on both, with the same noise, keeps them identical
            Engine.getInstance().setRandomSeed(5);
            trainSteps(trained, adam, batch, 1);
            Engine.getInstance().setRandomSeed(5);
            trainSteps(fresh, restored, batch, 1);
            assertThat(loss(fresh, batch)).isEqualTo(loss(trained, batch));

            SavedState state = Checkpoint.read(file);
            assertThat(state.epoch()).isEqualTo(1);
            assertThat(state.step()).isEqualTo(5);
            assertThat(state.configYaml()).contains("mlp-gaussian");
        }
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedNamingTheParameter(@TempDir Path dir) {
        Path file = dir.resolve("checkpoint.zip");
        ConfigDraft other = new ConfigDraft();
        other.options.put("hidden", "7");
        other.options.put("latent", "3");
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel a = runtime.assemble(config(1), manager, DATA);
                AssembledModel b = runtime.assemble(runtime.resolve(other), manager, DATA)) {
            Checkpoint.write(file, a, null, config(1), 0, 0, List.of());
            assertThatThrownBy(() -> Checkpoint.restore(file, b, null, List.of()))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageContaining("does not match the model")
                    .hasMessageContaining("encoder.");
        }
    }

    @Test
    void aCheckpointWhoseParametersAreNotFiniteIsRefusedNamingThem(@TempDir Path dir) {
        Path file = dir.resolve("checkpoint.zip");
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel a = runtime.assemble(config(1), manager, DATA);
                AssembledModel b = runtime.assemble(config(1), manager, DATA)) {
            String name = a.parameters().keySet().iterator().next();
            NDArray weight = a.parameters().get(name).getArray();
            float[] values = weight.toFloatArray();
            values[1] = Float.NaN;
            values[2] = Float.POSITIVE_INFINITY;
            weight.set(values);
            Checkpoint.write(file, a, null, config(1), 1, 3, List.of());
            assertThatThrownBy(() -> Checkpoint.restore(file, b, null, List.of()))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageContaining("not finite")
                    .hasMessageContaining(name + " (2 of " + values.length + " values)");
        }
    }

    @Test
    void aTruncatedOrForeignFileIsOneClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkpoint.zip");
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel a = runtime.assemble(config(1), manager, DATA)) {
            Checkpoint.write(file, a, null, config(1), 0, 0, List.of());
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> Checkpoint.read(file))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining(file.toString());
        Files.writeString(file, "not a zip at all");
        assertThatThrownBy(() -> Checkpoint.read(file))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> Checkpoint.read(dir.resolve("absent.zip")))
                .hasMessage("no checkpoint at " + dir.resolve("absent.zip"));
    }

    /** A copy of a zip with one entry's bytes replaced. */
    private static void replaceEntry(Path zip, String name, byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(copy)) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(entry.getName().equals(name) ? bytes : in.readAllBytes());
                out.closeEntry();
            }
        }
        Files.write(zip, copy.toByteArray());
    }

    /** An .npz (a zip of .npy files) holding one array file with the given numpy header and data. */
    private static byte[] npz(String header, byte[] data) throws IOException {
        byte[] text = (header + " ".repeat(63 - header.length() % 64) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream npy = new java.io.ByteArrayOutputStream();
        npy.write(new byte[] {
            (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (text.length & 0xff), (byte) (text.length >> 8)
        });
        npy.write(text);
        npy.write(data);
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("encoder.weight.npy"));
            out.write(npy.toByteArray());
            out.closeEntry();
        }
        return zip.toByteArray();
    }

    /**
     * Arrays are read as numpy data, never as objects: garbage, a pickled-object array (numpy's
     * dtype 'O', what Python's np.save writes for objects), a shape too large to exist and data cut
     * short are each one sentence naming the file, before any parameter is touched.
     */
    @Test
    void arraysThatDoNotParseAreOneClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkpoint.zip");
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel a = runtime.assemble(config(1), manager, DATA)) {
            Checkpoint.write(file, a, null, config(1), 0, 0, List.of());
            byte[] original = Files.readAllBytes(file);
            java.util.Map<String, byte[]> broken = new java.util.LinkedHashMap<>();
            broken.put("garbage", "these are not arrays".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            broken.put("pickled objects", npz("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", new byte[] {
                (byte) 0x80, 4, 'N', '.'
            }));
            broken.put(
                    "impossible shape",
                    npz("{'descr': '<f4', 'fortran_order': False, 'shape': (4000000000, 4), }", new byte[16]));
            broken.put("short data", npz("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5), }", new byte[12]));
            for (java.util.Map.Entry<String, byte[]> entry : broken.entrySet()) {
                Files.write(file, original);
                replaceEntry(file, "parameters.npz", entry.getValue());
                assertThatThrownBy(() -> Checkpoint.restore(file, a, null, List.of()))
                        .as(entry.getKey())
                        .isInstanceOf(GenzooException.class)
                        .hasMessage("checkpoint " + file + " holds arrays that do not decode");
            }
        }
    }

    @Test
    void aStateThatIsNotJsonIsOneClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkpoint.zip");
        try (NDManager manager = NDManager.newBaseManager();
                AssembledModel a = runtime.assemble(config(1), manager, DATA)) {
            Checkpoint.write(file, a, null, config(1), 0, 0, List.of());
        }
        for (String state : new String[] {"{not json", "[1, 2]", "{\"format\": \"one\"}", "{\"format\": 1}"}) {
            replaceEntry(file, "state.json", state.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> Checkpoint.read(file))
                    .as(state)
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("checkpoint " + file + " has a malformed state.json");
        }
    }
}
