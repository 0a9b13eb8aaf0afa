package dev.genzoo.plugins.vqvae;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import java.util.List;

/** The VQ-VAE family's plugin root (van den Oord et al. 2017, "Neural Discrete Representation Learning"). */
public final class VqVaePlugin implements GenzooPlugin {

    @Override
    public String name() {
        return "vqvae";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new VqConvEncoder.Factory());
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(new ConvBernoulliDecoder.Factory(), new ConvGaussianDecoder.Factory());
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new UniformCodePrior.Factory(), new TransformerCodePrior.Factory());
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new VectorQuantizationLoss.Factory());
    }
}
