package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.genzoo.api.Sampler;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataFacts;
import dev.genzoo.runtime.data.DataOptions;
import dev.genzoo.runtime.eval.EvaluationListener;
import dev.genzoo.runtime.eval.EvaluationSettings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.train.StopRequest;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.wiring.ComponentsModule;
import dev.genzoo.runtime.wiring.ConfigResolver;
import dev.genzoo.runtime.wiring.ModelAssembler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The runtime's front door, a facade over services that Guice wires from the discovered plugins:
 * resolve a config, train a new run or resume a killed one, fit a learned prior to a trained run's
 * codes, draw samples or reconstructions from a checkpoint, and score its log-likelihood. The
 * process-wide engine settings are not made here: see {@link dev.genzoo.runtime.engine.ProcessSetup}.
 */
public final class GenzooRuntime {
    private final PluginCatalog catalog;
    private final Injector injector;
    private final StopRequest stop = new StopRequest();

    private GenzooRuntime(PluginCatalog catalog, List<? extends Module> stageModules) {
        this.catalog = catalog;
        this.injector = Guice.createInjector(new ComponentsModule(catalog), new AbstractModule() {
            @Override
            protected void configure() {
                bind(StageModules.class).toInstance(new StageModules(List.copyOf(stageModules)));
                bind(StopRequest.class).toInstance(stop);
            }
        });
    }

    /**
     * A runtime over discovered plugins.
     *
     * @param catalog the plugins
     * @return the runtime
     */
    public static GenzooRuntime create(PluginCatalog catalog) {
        return new GenzooRuntime(catalog, List.of());
    }

    /**
     * A runtime over discovered plugins whose training stages also install the given modules: a
     * module adds a callback to every run by binding it in a {@code Multibinder<TrainingCallback>}.
     *
     * @param catalog the plugins
     * @param stageModules Guice modules installed in every training stage's injector
     * @return the runtime
     */
    public static GenzooRuntime create(PluginCatalog catalog, List<? extends Module> stageModules) {
        return new GenzooRuntime(catalog, stageModules);
    }

    /**
     * What a signal handler (or another thread) uses to stop this runtime's fit at the next step:
     * the fit saves a checkpoint where it stands and throws {@link
     * dev.genzoo.runtime.train.TrainingStopped}.
     *
     * @return the runtime's stop request
     */
    public StopRequest stopRequest() {
        return stop;
    }

    /** @return the plugins this runtime knows */
    public PluginCatalog catalog() {
        return catalog;
    }

    /**
     * Resolves a user's draft into a complete config, its defaults following the data it names:
     * the data are opened here (and kept for the training that follows), so an unknown or broken
     * source is refused before anything else.
     *
     * @param draft what the user gave
     * @return the config
     */
    public ExperimentConfig resolve(ConfigDraft draft) {
        DataOptions options = DataOptions.of(new DataOptions.Values() {
            @Override
            public <T> T get(Setting<T> setting) {
                T given = draft.get(setting);
                return given != null ? given : setting.defaultValue();
            }
        });
        return injector.getInstance(ConfigResolver.class)
                .resolve(draft, injector.getInstance(DataLibrary.class).facts(options));
    }

    /**
     * What a data source is: its splits' sizes, its shape and its values (see {@link DataFacts}).
     * The source is opened once and kept for the next resolution or training.
     *
     * @param source what the user wrote after {@code --data}
     * @return the facts
     */
    public DataFacts facts(String source) {
        return injector.getInstance(DataLibrary.class).facts(DataOptions.defaults(source));
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
        return injector.getInstance(ModelAssembler.class).assemble(config, manager, dataShape);
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
        return injector.getInstance(ModelAssembler.class).sampler(name, options, model, dataShape);
    }

    /**
     * Trains a new run. Everything is checked (device, data, components, one forward pass) before
     * the run directory is created, so a bad input leaves no trace.
     *
     * @param config the resolved config
     * @param runDir the folder to create, or null for one under {@code runs/}
     * @param callbacks more callbacks for this run (a progress display, say)
     * @return what the run left behind
     */
    public TrainingOutcome train(ExperimentConfig config, Path runDir, TrainingCallback... callbacks) {
        return injector.getInstance(ModelTraining.class).train(config, runDir, List.of(callbacks));
    }

    /**
     * Continues a run from its checkpoint, up to its configured epochs or a new total.
     *
     * @param runDir the run's folder
     * @param epochs the new total number of epochs, or null to keep the configured one
     * @param callbacks more callbacks for this run
     * @return what the run left behind
     */
    public TrainingOutcome resume(Path runDir, Integer epochs, TrainingCallback... callbacks) {
        return resumeWith(runDir, new ConfigDraft().set(Settings.EPOCHS, epochs), callbacks);
    }

    /**
     * Continues a run from its checkpoint (at an epoch's end or inside one) with some of its
     * resumable settings changed: a new total of epochs, the period of checkpoints, TensorBoard.
     *
     * @param runDir the run's folder
     * @param resumable the settings to change, each one declared resumable
     * @param callbacks more callbacks for this run
     * @return what the run left behind
     */
    public TrainingOutcome resumeWith(Path runDir, ConfigDraft resumable, TrainingCallback... callbacks) {
        return injector.getInstance(ModelTraining.class).resume(runDir, resumable, List.of(callbacks));
    }

    /**
     * Fits a learned prior to the codes of a trained run's encoder on its training split, encoder
     * and decoder frozen, and stores the model with it in {@code prior.zip} beside the run's
     * checkpoint (which is left untouched); {@link #sample} then draws from it. Everything is
     * checked before any file is written.
     *
     * @param runDir a trained run
     * @param request the prior to fit ({@code components}), its options ({@code roleOptions} of
     *     the prior, or plain {@code options}: all go to the prior) and the training settings;
     *     what is unset is taken from the run
     * @param callbacks more callbacks for the fit
     * @return what the fit left behind, and the run's objective with the learned prior
     */
    public PriorOutcome trainPrior(Path runDir, ConfigDraft request, TrainingCallback... callbacks) {
        return injector.getInstance(PriorTraining.class).train(runDir, request, List.of(callbacks));
    }

    /**
     * Continues fitting a run's learned prior from {@code prior.zip}.
     *
     * @param runDir a run with a learned prior
     * @param epochs the new total number of epochs of the fit, or null to keep its own
     * @param callbacks more callbacks for the fit
     * @return what the fit left behind, and the run's objective with the learned prior
     */
    public PriorOutcome resumePrior(Path runDir, Integer epochs, TrainingCallback... callbacks) {
        return resumePriorWith(runDir, new ConfigDraft().set(Settings.EPOCHS, epochs), callbacks);
    }

    /** As {@link #resumePrior}, with some resumable settings changed (see {@link #resumeWith}). */
    public PriorOutcome resumePriorWith(Path runDir, ConfigDraft resumable, TrainingCallback... callbacks) {
        return injector.getInstance(PriorTraining.class).resume(runDir, resumable, List.of(callbacks));
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
     * learned prior ({@code prior.zip}) where it has one and the request does not ask for the
     * training prior, else its checkpoint.
     *
     * @param runDir the run's folder
     * @param request what to draw and where
     * @return the samples' file
     */
    public Path sample(Path runDir, SampleRequest request) {
        return injector.getInstance(Sampling.class).sample(runDir, request);
    }

    /**
     * The run's latent space: encode a split, interpolate, traverse (see {@link LatentSpace}).
     *
     * @return the service
     */
    public LatentSpace latentSpace() {
        return injector.getInstance(LatentSpace.class);
    }

    /**
     * Writes the first n test examples beside their reconstructions into a PNG.
     *
     * @param runDir the run's folder
     * @param n how many examples, at least 1
     * @param out the PNG to write
     * @return the file written
     */
    public Path reconstruct(Path runDir, int n, Path out) {
        return injector.getInstance(Sampling.class).reconstruct(runDir, n, out);
    }

    /**
     * Scores the test split under a run's model (see {@link
     * dev.genzoo.runtime.eval.LikelihoodEvaluation}), with its learned prior where it has one, and
     * writes the report as JSON: to {@code out} if given (replaced if it exists), else to {@code
     * RUN_DIR/eval.json}, or, when an earlier evaluation is there, {@code eval-2.json}, ..., so no
     * earlier report is lost.
     *
     * @param runDir the run's folder
     * @param settings what to compute
     * @param out the JSON file to write, or null for the run directory's next free name
     * @param listener hears progress
     * @return the report, the file it was written to and the prior it used
     */
    public EvaluationOutcome evaluate(Path runDir, EvaluationSettings settings, Path out, EvaluationListener listener) {
        return evaluate(runDir, settings, out, listener, false);
    }

    /**
     * Scores the test split as {@link #evaluate(Path, EvaluationSettings, Path, EvaluationListener)}
     * does, or, if {@code trainingPrior}, with the prior the run was trained with.
     *
     * @return the report, the file it was written to and the prior it used
     */
    public EvaluationOutcome evaluate(
            Path runDir, EvaluationSettings settings, Path out, EvaluationListener listener, boolean trainingPrior) {
        return injector.getInstance(Scoring.class).evaluate(runDir, settings, out, listener, trainingPrior);
    }

    /**
     * Runs Markov chains (Metropolis-Hastings or HMC) on the posterior p(z|x) of one test example
     * under a run's checkpoint, writes the samples as .npy and, for a 2-D latent, a picture of the
     * true posterior, q(z|x) and the samples beside them.
     *
     * @param runDir the run's folder
     * @param request the example, the sampler and its lengths
     * @return the files and the chains' diagnostics
     */
    public PosteriorOutcome samplePosterior(Path runDir, PosteriorRequest request) {
        return injector.getInstance(PosteriorSampling.class).sample(runDir, request);
    }
}
