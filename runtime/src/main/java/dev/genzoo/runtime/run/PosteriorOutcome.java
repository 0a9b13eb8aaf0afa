package dev.genzoo.runtime.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code genzoo posterior} left behind and measured.
 *
 * @param samples the .npy file, float32 [chains, steps, latent]
 * @param picture the PNG of the true posterior, q(z|x) and the samples for a 2-D latent, or null
 * @param acceptanceRate the mean acceptance probability of the kept steps
 * @param stepSize the step size the warm-up arrived at
 * @param effectiveSampleSizes per latent unit, over all chains
 * @param rhats split R-hat per latent unit
 * @param mean the samples' mean per latent unit
 * @param standardDeviation the samples' standard deviation per latent unit
 */
public record PosteriorOutcome(
        Path samples,
        Path picture,
        double acceptanceRate,
        double stepSize,
        List<Double> effectiveSampleSizes,
        List<Double> rhats,
        List<Double> mean,
        List<Double> standardDeviation) {}
