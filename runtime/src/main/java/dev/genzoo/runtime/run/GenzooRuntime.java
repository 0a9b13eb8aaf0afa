package dev.genzoo.runtime.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.DataSettings;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.TrainingSettings;
import dev.genzoo.runtime.data.Binarization;
import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.DataSplit;
import dev.genzoo.runtime.device.DeviceChoice;
import dev.genzoo.runtime.engine.NativeAllocator;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.MetricsTable;
import dev.genzoo.runtime.train.TrainingListener;
import dev.genzoo.runtime.wiring.AssembledModel;
import dev.genzoo.runtime.wiring.ComponentsModule;
import dev.genzoo.runtime.wiring.ConfigResolver;
import dev.genzoo.runtime.wiring.ModelAssembler;
import java.nio.file.Path;
import java.util.Map;

/**
 * The runtime's front door: resolve a config, train a new run, resume a killed one, and draw
 * samples or reconstructions from a checkpoint. The CLI is a thin layer of words over this class.
 */
public final class GenzooRuntime {
    /** Samples drawn into samples.png at the end of training. */
    public static final int SAMPLES = 64;
    /** Test examples shown in reconstructions.png at the end of training. */
    public static final int RECONSTRUCTIONS = 32;
    /** Examples (rows) in the strip of a chain's intermediate images. */
    public static final int STRIP_ROWS = 8;

    static {
        System.setProperty("ai.djl.offline", "true");
        NativeAllocator.tune();
    }

    private final PluginCatalog catalog;
    private final ConfigResolver resolver;
    private final ModelAssembler assembler;

    private GenzooRuntime(PluginCatalog catalog) {
        this.catalog = catalog;
        Injector injector = Guice.createInjector(new ComponentsModule(catalog));
        this.resolver = injector.getInstance(ConfigResolver.class);
        this.assembler = injector.getInstance(ModelAssembler.class);
    }

    /**
     * A runtime over discovered plugins.
     *
     * @param catalog the plugins
     * @return the runtime
     */
    public static GenzooRuntime create(PluginCatalog catalog) {
        return new GenzooRuntime(catalog);
    }

    /**
     * The plugins this runtime knows.
     *
     * @return the catalog
     */
    public PluginCatalog catalog() {
        return catalog;
    }

    /**
     * Resolves a user's draft into a complete config.
     *
     * @param draft what the user gave
     * @return the config
     */
    public ExperimentConfig resolve(ConfigDraft draft) {
        return resolver.resolve(draft);
    }

    /**
     * Builds the components a config names on a device manager, checked, without data or training
     * (for benchmarks, contract tests and embedding).
     *
     * @param config the resolved config
     * @param manager the device manager that will own the model
     * @param dataShape one example's shape
     * @return the model; close it to free its parameters
     */
    public AssembledModel assemble(ExperimentConfig config, NDManager manager, Shape dataShape) {
        return assembler.assemble(config, manager, dataShape);
    }

    /**
     * Creates a sampler by name for an assembled model (for benchmarks and embedding; {@link
     * #sample(Path, SampleRequest)} does this for a run).
     *
     * @param name the sampler's name
     * @param options its options as {@code key=value} texts
     * @param model the model
     * @param dataShape one example's shape
     * @return the sampler
     */
    public Sampler sampler(String name, Map<String, String> options, AssembledModel model, Shape dataShape) {
        return assembler.sampler(name, options, model, dataShape);
    }

    /**
     * Trains a new run. Everything is checked (device, data, components, one forward pass) before
     * the run directory is created, so a bad input leaves no trace.
     *
     * @param config the resolved config
     * @param runDir the folder to create, or null for one under {@code runs/}
     * @param listener hears progress
     * @return what the run left behind
     */
    public TrainingOutcome train(ExperimentConfig config, Path runDir, TrainingListener listener) {
        RunDirectory run = RunDirectory.fresh(runDir != null ? runDir : RunDirectory.defaultPath(config));
        Device device = DeviceChoice.resolve(config.device());
        DataSplit split = DataSources.load(config.data().source());
        Binarization binarization = binarization(config.data(), split);
        ExperimentConfig resolved =
                config.withData(new DataSettings(config.data().source(), binarization.word()));
        try (NDManager manager = NDManager.newBaseManager(device);
                AssembledModel model = assembler.assemble(resolved, manager, split.train().exampleShape());
                DeviceData data = DeviceData.place(split, binarization, config.training().seed(), manager)) {
            tryOneBatch(model, data);
            run.create();
            ConfigFile.write(run.config(), resolved);
            Adam adam = new Adam(model.parameters(), config.training().learningRate());
            MetricsTable table = MetricsTable.create(run.metrics());
            EpochRecord last = loop(model, data, resolved, run, listener, adam, 0, 0, table, 0);
            finish(model, data, run, table, last);
            return new TrainingOutcome(run.root(), resolved, last, model.trainableSize());
        }
    }

    /**
     * Continues a run from its checkpoint, up to its configured epochs or a new total.
     *
     * @param runDir the run's folder
     * @param epochs the new total number of epochs, or null to keep the configured one
     * @param listener hears progress
     * @return what the run left behind
     */
    public TrainingOutcome resume(Path runDir, Integer epochs, TrainingListener listener) {
        RunDirectory run = RunDirectory.existing(runDir);
        SavedState saved = Checkpoint.read(run.checkpoint());
        ExperimentConfig config = savedConfig(saved, run);
        if (epochs != null) {
            TrainingSettings t = config.training();
            config = config.withTraining(new TrainingSettings(epochs, t.batchSize(), t.learningRate(), t.seed()));
        }
        if (saved.epoch() >= config.training().epochs()) {
            throw new GenzooException(
                    String.format(
                            "run %s has already trained %d of %d epochs; pass --epochs N with N > %d to train on",
                            runDir, saved.epoch(), config.training().epochs(), saved.epoch()));
        }
        Device device = DeviceChoice.resolve(config.device());
        DataSplit split = DataSources.load(config.data().source());
        Binarization binarization = Binarization.parse(config.data().binarize());
        try (NDManager manager = NDManager.newBaseManager(device);
                AssembledModel model = assembler.assemble(config, manager, split.train().exampleShape());
                DeviceData data = DeviceData.place(split, binarization, config.training().seed(), manager)) {
            run.sweepTemporaries();
            Adam adam = new Adam(model.parameters(), config.training().learningRate());
            Checkpoint.restore(run.checkpoint(), model, adam);
            ConfigFile.write(run.config(), config);
            MetricsTable table = MetricsTable.resume(run.metrics(), saved.epoch());
            double[] seconds = table.column("seconds");
            double before = seconds.length == 0 ? 0 : seconds[seconds.length - 1];
            EpochRecord last =
                    loop(model, data, config, run, listener, adam, saved.epoch(), saved.step(), table, before);
            finish(model, data, run, table, last);
            return new TrainingOutcome(run.root(), config, last, model.trainableSize());
        }
    }

    /**
     * Draws samples from a run's checkpoint into a PNG, with the prior and decoder.
     *
     * @param runDir the run's folder
     * @param n how many
     * @param seed the seed of the draws
     * @param out the PNG to write
     * @return the file written
     */
    public Path sample(Path runDir, int n, long seed, Path out) {
        return sample(runDir, SampleRequest.of(n, seed, out));
    }

    /**
     * Draws samples from a run's checkpoint into a PNG, with a named sampler or the prior and
     * decoder, and optionally a strip of the sampling chain's intermediate states.
     *
     * @param runDir the run's folder
     * @param request what to draw and where
     * @return the samples' file
     */
    public Path sample(Path runDir, SampleRequest request) {
        int n = request.count();
        if (n < 1) {
            throw new GenzooException("-n must be at least 1, got " + n);
        }
        if (request.sampler() == null && !request.options().isEmpty()) {
            throw new GenzooException(
                    "sampler options were given without a sampler; name one with --sampler (genzoo plugins lists them)");
        }
        if (request.strip() != null && request.frames() < 2) {
            throw new GenzooException("a strip needs at least 2 frames, got " + request.frames());
        }
        return withCheckpoint(
                runDir,
                request.seed(),
                (model, data, state) -> {
                    Shape example = data.exampleShape();
                    if (!Pictures.drawable(example)) {
                        throw new GenzooException("samples of shape " + example + " cannot be drawn as a picture");
                    }
                    Sampler sampler =
                            request.sampler() == null
                                    ? null
                                    : sampler(request.sampler(), request.options(), model, example);
                    ChainStrip strip =
                            request.strip() == null
                                    ? null
                                    : new ChainStrip(request.frames(), example.dimension() == 1 ? n : STRIP_ROWS,
                                            request.progress());
                    Pictures.samples(model, sampler, strip == null ? request.progress() : strip, example, n,
                            data.test(), state.step(), request.out());
                    if (strip != null) {
                        if (strip.frames().size() < 2) {
                            throw new GenzooException(
                                    "this model's sampling is not a chain of steps, so it has no intermediate states"
                                            + " to draw; leave out --strip");
                        }
                        Pictures.strip(strip, example, data.test(), request.strip());
                    }
                    return request.out();
                });
    }

    /**
     * Writes the first n test examples beside their reconstructions into a PNG.
     *
     * @param runDir the run's folder
     * @param n how many examples
     * @param out the PNG to write
     * @return the file written
     */
    public Path reconstruct(Path runDir, int n, Path out) {
        if (n < 1) {
            throw new GenzooException("-n must be at least 1, got " + n);
        }
        return withCheckpoint(
                runDir,
                0,
                (model, data, state) -> {
                    if (!Pictures.reconstructions(model, data.exampleShape(), data.test(), n, state.step(), out)) {
                        throw new GenzooException(
                                "this model's reconstructions cannot be drawn (they need image data and an"
                                        + " encoder that can be inverted)");
                    }
                    return out;
                });
    }

    private interface CheckpointUse {
        Path apply(AssembledModel model, DeviceData data, SavedState state);
    }

    private Path withCheckpoint(Path runDir, long seed, CheckpointUse use) {
        RunDirectory run = RunDirectory.existing(runDir);
        SavedState saved = Checkpoint.read(run.checkpoint());
        ExperimentConfig config = savedConfig(saved, run);
        Device device = DeviceChoice.resolve(config.device());
        DataSplit split = DataSources.load(config.data().source());
        Binarization binarization = Binarization.parse(config.data().binarize());
        try (NDManager manager = NDManager.newBaseManager(device);
                AssembledModel model = assembler.assemble(config, manager, split.train().exampleShape());
                DeviceData data = DeviceData.place(split, binarization, config.training().seed(), manager)) {
            Checkpoint.restore(run.checkpoint(), model, null);
            Engine.getInstance().setRandomSeed((int) seed);
            return use.apply(model, data, saved);
        }
    }

    private ExperimentConfig savedConfig(SavedState saved, RunDirectory run) {
        ConfigDraft draft = ConfigFile.parse(saved.configYaml(), run.checkpoint() + "!config.yaml");
        return resolver.resolve(draft);
    }

    private static EpochRecord loop(
            AssembledModel model,
            DeviceData data,
            ExperimentConfig config,
            RunDirectory run,
            TrainingListener listener,
            Adam adam,
            int firstEpoch,
            long firstStep,
            MetricsTable table,
            double secondsBefore) {
        try {
            return new TrainingLoop(model, data, config, run, listener)
                    .run(adam, firstEpoch, firstStep, table, secondsBefore);
        } finally {
            listener.finished();
        }
    }

    private static void finish(
            AssembledModel model, DeviceData data, RunDirectory run, MetricsTable table, EpochRecord last) {
        long step = last == null ? 0 : last.step();
        Pictures.samples(model, data.exampleShape(), SAMPLES, data.test(), step, run.samples());
        Pictures.reconstructions(model, data.exampleShape(), data.test(), RECONSTRUCTIONS, step, run.reconstructions());
        Pictures.lossCurve(table, run.lossCurve());
    }

    /** Runs the objective once on a few test examples, so a model that cannot run fails before the run directory exists. */
    private static void tryOneBatch(AssembledModel model, DeviceData data) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray batch = data.test().get(new NDIndex().addSliceDim(0, Math.min(2, data.test().getShape().get(0))));
            StepContext context = StepContext.evaluation(0, model.manager(), model.parameterStore());
            model.objective().evaluate(batch, model.model(), context);
        } catch (EngineException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new GenzooException(
                    "the model cannot run on this data (data examples have shape "
                            + data.exampleShape()
                            + "): "
                            + firstLine(e.getMessage()),
                    e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Binarization binarization(DataSettings data, DataSplit split) {
        if (data.binarize().equals(DataSettings.AUTO)) {
            return split.train().exampleShape().dimension() == 3 ? Binarization.DYNAMIC : Binarization.NONE;
        }
        return Binarization.parse(data.binarize());
    }
}
