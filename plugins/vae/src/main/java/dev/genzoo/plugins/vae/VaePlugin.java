package dev.genzoo.plugins.vae;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import java.util.List;

/** The VAE family's plugin root (Kingma and Welling 2014). */
public final class VaePlugin implements GenzooPlugin {

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new MlpGaussianEncoder.Factory(), new ConvGaussianEncoder.Factory());
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(
                new MlpBernoulliDecoder.Factory(), new MlpGaussianDecoder.Factory(), new ConvLogisticDecoder.Factory());
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new StandardNormalPrior.Factory());
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new EvidenceLowerBound.Factory());
    }
}
