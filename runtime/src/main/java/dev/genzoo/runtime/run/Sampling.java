package dev.genzoo.runtime.run;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Sampler;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.files.NpyFile;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.pictures.ChainStrip;
import dev.genzoo.runtime.pictures.Pictures;
import dev.genzoo.runtime.wiring.ModelAssembler;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * New examples from a trained run, by the prior and decoder or a named sampler, optionally with a
 * strip of the sampling chain; and test examples beside their reconstructions.
 */
final class Sampling {
    private final SavedRuns saved;
    private final ModelAssembler assembler;

    @Inject
    Sampling(SavedRuns saved, ModelAssembler assembler) {
        this.saved = saved;
        this.assembler = assembler;
    }

    Path sample(Path runDir, SampleRequest request) {
        RunDirectory run = RunDirectory.existing(runDir);
        AtomicFiles.checkFolder(request.out());
        if (request.strip() != null) {
            AtomicFiles.checkFolder(request.strip());
        }
        Path checkpoint = run.hasLearnedPrior() && !request.trainingPrior() ? run.priorCheckpoint() : run.checkpoint();
        return saved.use(checkpoint, request.seed(), (model, data, state, config) -> {
            checkGuidance(model, request);
            Shape example = data.exampleShape();
            if (LatentSpace.isNumpy(request.out())) {
                Sampler sampler = request.sampler() == null
                        ? null
                        : assembler.sampler(request.sampler(), request.options(), model, example);
                float[] drawn = Pictures.draw(
                        model, sampler, request.progress(), request.count(), label(model, request), state.step());
                NpyFile.write(
                        request.out(),
                        drawn,
                        new Shape(drawn.length / example.size()).addAll(example).getShape());
                return request.out();
            }
            if (!Pictures.drawable(example)) {
                throw new GenzooException("samples of shape " + example + " cannot be drawn as a picture");
            }
            Sampler sampler = request.sampler() == null
                    ? null
                    : assembler.sampler(request.sampler(), request.options(), model, example);
            int n = request.count();
            ChainStrip strip = request.strip() == null
                    ? null
                    : new ChainStrip(
                            request.frames(), example.dimension() == 1 ? n : Pictures.STRIP_ROWS, request.progress());
            Pictures.samples(
                    model,
                    sampler,
                    strip == null ? request.progress() : strip,
                    example,
                    n,
                    label(model, request),
                    data.testHead(Pictures.REFERENCE),
                    state.step(),
                    request.out());
            if (strip != null) {
                if (strip.frames().size() < 2) {
                    throw new GenzooException("this model's sampling is not a chain of steps, so it has no"
                            + " intermediate states to draw");
                }
                Pictures.strip(strip, example, data.testHead(Pictures.REFERENCE), request.strip());
            }
            return request.out();
        });
    }

    /** Refuses guidance for a model that is not a conditional diffusion, before any sampler is made. */
    private static void checkGuidance(AssembledModel model, SampleRequest request) {
        if (!request.options().containsKey(SampleRequest.GUIDANCE)) {
            return;
        }
        if (!(model.model().decoder() instanceof Denoiser)) {
            throw new GenzooException(
                    "--guidance weighs a diffusion's noise predictions, and this run's decoder" + " predicts none");
        }
        if (model.classes() == 0) {
            throw new GenzooException("--guidance needs a diffusion trained with " + Settings.CONDITION.flag()
                    + " label; this run's model is not conditional");
        }
    }

    /** The class a request asks for, checked against a conditional model's classes. */
    private static int label(AssembledModel model, SampleRequest request) {
        return askedClass(model, request.label());
    }

    /**
     * A class asked for with {@code --class}, checked against a conditional model's classes.
     *
     * @param model the model
     * @param asked the class, or null for none
     * @return the class, or {@link Pictures#ALL_CLASSES} when none was asked for
     */
    static int askedClass(AssembledModel model, Integer asked) {
        if (asked == null) {
            return Pictures.ALL_CLASSES;
        }
        if (model.classes() == 0) {
            throw new GenzooException("--class needs a run trained with " + Settings.CONDITION.flag()
                    + " label; this run's model is not conditional");
        }
        if (asked < 0 || asked >= model.classes()) {
            throw new GenzooException("--class takes a class from 0 to " + (model.classes() - 1) + ", not " + asked);
        }
        return asked;
    }

    Path reconstruct(Path runDir, int n, Path out) {
        if (n < 1) {
            throw new GenzooException("reconstructions need at least 1 example, not " + n);
        }
        RunDirectory run = RunDirectory.existing(runDir);
        AtomicFiles.checkFolder(out);
        return saved.use(run.checkpoint(), 0, (model, data, state, config) -> {
            if (!Pictures.reconstructions(model, data, n, state.step(), out)) {
                throw new GenzooException("this model's reconstructions cannot be drawn (they need image data and an"
                        + " encoder that can be inverted)");
            }
            return out;
        });
    }
}
