package dev.genzoo.plugins.iwae;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import java.util.List;

/** The IWAE family's plugin root (Burda, Grosse and Salakhutdinov 2016). */
public final class IwaePlugin implements GenzooPlugin {

    @Override
    public String name() {
        return "iwae";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new MlpMixtureEncoder.Factory(), new TwoLayerGaussianEncoder.Factory());
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(new FirstLayerBernoulliDecoder.Factory());
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new MixtureOfGaussiansPrior.Factory(), new VampPrior.Factory(), new TwoLayerPrior.Factory());
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new ImportanceWeightedBound.Factory());
    }
}
