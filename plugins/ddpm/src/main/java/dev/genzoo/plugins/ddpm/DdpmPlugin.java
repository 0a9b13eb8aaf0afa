package dev.genzoo.plugins.ddpm;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.SamplerFactory;
import java.util.List;

/** The denoising diffusion family's plugin root (Ho et al. 2020). */
public final class DdpmPlugin implements GenzooPlugin {

    @Override
    public String name() {
        return "ddpm";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new GaussianDiffusion.Factory());
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(new DenoisingDecoder.MlpFactory(), new DenoisingDecoder.UnetFactory());
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new SimplifiedObjective.Factory(), new VariationalBound.Factory());
    }

    @Override
    public List<SamplerFactory> samplers() {
        return List.of(new AncestralSampling.Factory(), new ImplicitSampling.Factory());
    }
}
