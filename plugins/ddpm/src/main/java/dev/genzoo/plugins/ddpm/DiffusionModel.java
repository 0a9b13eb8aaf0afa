package dev.genzoo.plugins.ddpm;

import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenerativeModel;
import java.util.Optional;

/** What the diffusion objectives need of a model: this plugin's process and a noise predictor. */
final class DiffusionModel {
    private DiffusionModel() {}

    /** A sentence naming what a model lacks for the diffusion objectives, or empty. */
    static Optional<String> missing(GenerativeModel model) {
        if (!(model.encoder() instanceof GaussianDiffusion)) {
            return Optional.of("it reads the noise schedule of the 'diffusion' encoder; choose --encoder diffusion");
        }
        if (!(model.decoder() instanceof Denoiser)) {
            return Optional.of("its decoder must predict the noise (implement dev.genzoo.api.Denoiser), as ddpm-mlp and"
                    + " ddpm-unet do");
        }
        return Optional.empty();
    }
}
