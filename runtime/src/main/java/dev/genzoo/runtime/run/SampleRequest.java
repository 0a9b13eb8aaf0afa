package dev.genzoo.runtime.run;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.SamplingProgress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code genzoo sample} asks for.
 *
 * @param count how many samples, at least 1
 * @param seed the seed of the draws
 * @param out the PNG to write
 * @param sampler a sampler's name, or null for the prior and decoder
 * @param options the sampler's options as {@code key=value} texts
 * @param strip a PNG for the frames of the sampling chain, or null for none
 * @param frames frames in the strip, at least 2
 * @param progress hears each step of a sampling chain
 * @param trainingPrior whether to draw from the prior the run was trained with even where it has a
 *     learned one ({@code prior.zip})
 * @param label the class to draw from a conditional model, or null for a row per class
 */
public record SampleRequest(
        int count,
        long seed,
        Path out,
        String sampler,
        Map<String, String> options,
        Path strip,
        int frames,
        SamplingProgress progress,
        boolean trainingPrior,
        Integer label) {

    /** The sampler option of a diffusion's classifier-free guidance weight. */
    public static final String GUIDANCE = "guidance";

    /** The sampler that guidance asked for without a sampler runs: the reverse chain of all T steps. */
    public static final String GUIDED_SAMPLER = "ancestral";

    /** Frames in a strip unless asked otherwise. */
    public static final int DEFAULT_FRAMES = 10;

    /** Copies the options and checks nothing is missing. */
    public SampleRequest {
        Objects.requireNonNull(out, "out");
        options = Map.copyOf(options);
        Objects.requireNonNull(progress, "progress");
        if (count < 1) {
            throw new GenzooException("the number of samples must be at least 1, got " + count);
        }
        if (sampler == null && !options.isEmpty()) {
            throw new GenzooException(
                    "sampler options " + options.keySet() + " were given without a sampler to take them");
        }
        if (strip != null && frames < 2) {
            throw new GenzooException("a strip needs at least 2 frames, got " + frames);
        }
    }

    /**
     * Plain samples from the prior and decoder, no strip, no progress.
     *
     * @param count how many
     * @param seed the seed
     * @param out the PNG
     * @return the request
     */
    public static SampleRequest of(int count, long seed, Path out) {
        return new SampleRequest(
                count, seed, out, null, Map.of(), null, DEFAULT_FRAMES, SamplingProgress.NONE, false, null);
    }

    /**
     * The same request, of one class of a conditional model.
     *
     * @param given the class, or null for a row per class
     * @return the request
     */
    public SampleRequest withLabel(Integer given) {
        return new SampleRequest(count, seed, out, sampler, options, strip, frames, progress, trainingPrior, given);
    }

    /**
     * The same request, from the training prior or not.
     *
     * @param training whether to draw from the prior the run was trained with
     * @return the request
     */
    public SampleRequest withTrainingPrior(boolean training) {
        return new SampleRequest(count, seed, out, sampler, options, strip, frames, progress, training, label);
    }
}
