package dev.genzoo.runtime.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.Sampler;
import dev.genzoo.runtime.GenzooVersion;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import dev.genzoo.runtime.checkpoint.SavedState;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.TrainingSettings;
import dev.genzoo.runtime.engine.NativeAllocator;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationReport;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.eval.LikelihoodEvaluation;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.Adam;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.MetricsTable;
import dev.genzoo.runtime.train.TrainingListener;
import dev.genzoo.runtime.wiring.AssembledModel;
import dev.genzoo.runtime.wiring.ComponentsModule;
import dev.genzoo.runtime.wiring.ConfigResolver;
import dev.genzoo.runtime.wiring.ModelAssembler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime's front door: resolve a config, train a new run, resume a killed one, fit a learned
 * prior to a trained run's codes, draw samples or reconstructions from a checkpoint, and evaluate
 * its log-likelihood. The CLI is a thin layer of words over this class.
 */
public final class GenzooRuntime {
    /** Samples drawn into samples.png at the end of training. */
    public static final int SAMPLES = 64;
    /** Samples drawn into samples.png at the end of training on 2-D points, enough to see a density. */
    public static final int POINT_SAMPLES = 1000;
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
        try (OpenedModel opened = OpenedModel.open(assembler, config)) {
            AssembledModel model = opened.model();
            DeviceData data = opened.data();
            ExperimentConfig resolved =
                    config.withData(data.preparation().settings(config.data().source()));
            FirstBatch.check(model, data);
            run.create();
            ConfigFile.write(run.config(), resolved);
            Adam adam = new Adam(model.parameters(), config.training().learningRate());
            MetricsTable table = MetricsTable.create(run.metrics());
            EpochRecord last =
                    new TrainingLoop(model, data, resolved, run.checkpoint(), listener).run(adam, 0, 0, table, 0);
            Pictures.finish(
                    model, data, table, last, run.samples(), run.reconstructions(), run.density(), run.lossCurve());
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
        ExperimentConfig config = withEpochs(savedConfig(saved, run.checkpoint()), epochs, saved, runDir);
        try (OpenedModel opened = OpenedModel.open(assembler, config)) {
            AssembledModel model = opened.model();
            DeviceData data = opened.data();
            run.sweepTemporaries();
            Adam adam = new Adam(model.parameters(), config.training().learningRate());
            Checkpoint.restore(run.checkpoint(), model, adam);
            ConfigFile.write(run.config(), config);
            MetricsTable table = MetricsTable.resume(run.metrics(), saved.epoch());
            EpochRecord last = new TrainingLoop(model, data, config, run.checkpoint(), listener)
                    .run(adam, saved.epoch(), saved.step(), table, table.lastSeconds());
            Pictures.finish(
                    model, data, table, last, run.samples(), run.reconstructions(), run.density(), run.lossCurve());
            return new TrainingOutcome(run.root(), config, last, model.trainableSize());
        }
    }

    /**
     * Fits a learned prior to the codes of a trained run's encoder on its training split, encoder
     * and decoder frozen, and stores the model with it in {@code prior.zip} beside the run's
     * checkpoint (which is left untouched); {@link #sample} then draws from it. Everything is
     * checked before any file is written.
     *
     * @param runDir a trained run
     * @param request the prior to fit ({@code components}), its options ({@code roleOptions} of
     *     the prior, or plain {@code options}: all go to the prior) and the training settings
     *     (epochs, batch size, learning rate, seed); what is unset is taken from the run
     * @param listener hears progress
     * @return what the fit left behind, and the run's objective with the learned prior
     * @throws GenzooException if no prior is named, the run already has a learned prior, or the
     *     prior cannot be fitted to this encoder
     */
    public PriorOutcome trainPrior(Path runDir, ConfigDraft request, TrainingListener listener) {
        RunDirectory run = RunDirectory.existing(runDir);
        String prior = request.components.get(Role.PRIOR);
        if (prior == null) {
            throw new GenzooException("name the prior to fit (genzoo plugins lists the priors)");
        }
        if (run.hasLearnedPrior()) {
            throw new GenzooException("run " + runDir + " already has a learned prior in "
                    + run.priorCheckpoint().getFileName()
                    + "; continue fitting it with --resume, or move that file away to fit another");
        }
        ConfigDraft draft =
                savedConfig(Checkpoint.read(run.checkpoint()), run.checkpoint()).toDraft();
        draft.components.put(Role.PRIOR, prior);
        Map<String, String> options = new LinkedHashMap<>(request.roleOptions.getOrDefault(Role.PRIOR, Map.of()));
        options.putAll(request.options);
        draft.roleOptions.put(Role.PRIOR, options);
        ConfigDraft settings = new ConfigDraft();
        settings.epochs = request.epochs;
        settings.batchSize = request.batchSize;
        settings.learningRate = request.learningRate;
        settings.seed = request.seed;
        ExperimentConfig config = resolver.resolve(draft.overlay(settings));
        return new PriorStage(assembler).fit(run, config, null, listener);
    }

    /**
     * Continues fitting a run's learned prior from {@code prior.zip}.
     *
     * @param runDir a run with a learned prior
     * @param epochs the new total number of epochs of the fit, or null to keep its own
     * @param listener hears progress
     * @return what the fit left behind, and the run's objective with the learned prior
     */
    public PriorOutcome resumePrior(Path runDir, Integer epochs, TrainingListener listener) {
        RunDirectory run = RunDirectory.existing(runDir);
        if (!run.hasLearnedPrior()) {
            throw new GenzooException("run " + runDir + " has no learned prior to resume ("
                    + run.priorCheckpoint().getFileName() + " is written after the first epoch of genzoo train-prior)");
        }
        SavedState saved = Checkpoint.read(run.priorCheckpoint());
        ExperimentConfig config = withEpochs(savedConfig(saved, run.priorCheckpoint()), epochs, saved, runDir);
        return new PriorStage(assembler).fit(run, config, saved, listener);
    }

    /**
     * Draws samples from a run into a PNG with its prior and decoder: its learned prior where it has
     * one.
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
     * Draws samples from a run into a PNG, with a named sampler or the prior and decoder, and
     * optionally a strip of the sampling chain's intermediate states. The model is the run's
     * learned prior ({@code prior.zip}, written by {@link #trainPrior}) where it has one and the
     * request does not ask for the training prior, else its checkpoint.
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
        RunDirectory run = RunDirectory.existing(runDir);
        return withCheckpoint(
                run.hasLearnedPrior() && !request.trainingPrior() ? run.priorCheckpoint() : run.checkpoint(),
                request.seed(),
                (model, data, state, config) -> {
                    Shape example = data.exampleShape();
                    if (!Pictures.drawable(example)) {
                        throw new GenzooException("samples of shape " + example + " cannot be drawn as a picture");
                    }
                    Sampler sampler = request.sampler() == null
                            ? null
                            : sampler(request.sampler(), request.options(), model, example);
                    ChainStrip strip = request.strip() == null
                            ? null
                            : new ChainStrip(
                                    request.frames(), example.dimension() == 1 ? n : STRIP_ROWS, request.progress());
                    Pictures.samples(
                            model,
                            sampler,
                            strip == null ? request.progress() : strip,
                            example,
                            n,
                            data.test(),
                            state.step(),
                            request.out());
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
        return withCheckpoint(RunDirectory.existing(runDir).checkpoint(), 0, (model, data, state, config) -> {
            if (!Pictures.reconstructions(model, data.exampleShape(), data.test(), n, state.step(), out)) {
                throw new GenzooException("this model's reconstructions cannot be drawn (they need image data and an"
                        + " encoder that can be inverted)");
            }
            return out;
        });
    }

    /**
     * Scores the test split under a run's checkpoint (see {@link LikelihoodEvaluation}) and writes
     * the report as JSON: to {@code out} if given (replaced if it exists), else to {@code
     * RUN_DIR/eval.json}, or, when an earlier evaluation is there, {@code eval-2.json}, {@code
     * eval-3.json}, ..., so no earlier report is lost.
     *
     * @param runDir the run's folder
     * @param settings what to compute
     * @param out the JSON file to write, or null for the run directory's next free name
     * @param listener hears progress
     * @return the report and the file it was written to
     */
    public EvaluationOutcome evaluate(Path runDir, EvaluationSettings settings, Path out, EvaluationListener listener) {
        RunDirectory run = RunDirectory.existing(runDir);
        return withCheckpoint(run.checkpoint(), settings.seed(), (model, data, state, config) -> {
            EvaluationReport report = LikelihoodEvaluation.run(
                    model, config.component(Role.OBJECTIVE), data.test(), settings, state.step(), listener);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("run", runDir.toString());
            provenance.put("epoch", state.epoch());
            provenance.put("step", state.step());
            provenance.put("genzoo", GenzooVersion.get());
            Path file = out != null ? out : run.nextEvaluation();
            AtomicFiles.write(file, report.toJson(provenance).getBytes(StandardCharsets.UTF_8));
            return new EvaluationOutcome(report, file);
        });
    }

    private interface CheckpointUse<T> {
        T apply(AssembledModel model, DeviceData data, SavedState state, ExperimentConfig config);
    }

    private <T> T withCheckpoint(Path checkpoint, long seed, CheckpointUse<T> use) {
        SavedState saved = Checkpoint.read(checkpoint);
        ExperimentConfig config = savedConfig(saved, checkpoint);
        try (OpenedModel opened = OpenedModel.open(assembler, config)) {
            AssembledModel model = opened.model();
            DeviceData data = opened.data();
            Checkpoint.restore(checkpoint, model, null);
            Engine.getInstance().setRandomSeed((int) seed);
            return use.apply(model, data, saved, config);
        }
    }

    private ExperimentConfig savedConfig(SavedState saved, Path checkpoint) {
        ConfigDraft draft = ConfigFile.parse(saved.configYaml(), checkpoint + "!config.yaml");
        return resolver.resolve(draft);
    }

    /** The config with a new total of epochs, refused if the checkpoint has already trained them. */
    static ExperimentConfig withEpochs(ExperimentConfig config, Integer epochs, SavedState saved, Path runDir) {
        if (epochs != null) {
            TrainingSettings t = config.training();
            config = config.withTraining(new TrainingSettings(epochs, t.batchSize(), t.learningRate(), t.seed()));
        }
        if (saved.epoch() >= config.training().epochs()) {
            throw new GenzooException(String.format(
                    "run %s has already trained %d of %d epochs; pass --epochs N with N > %d to train on",
                    runDir, saved.epoch(), config.training().epochs(), saved.epoch()));
        }
        return config;
    }
}
