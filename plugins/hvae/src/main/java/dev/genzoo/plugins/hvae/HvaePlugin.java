package dev.genzoo.plugins.hvae;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.PriorFactory;
import java.util.List;

/** The plugin root of Markovian hierarchical VAEs (Sonderby et al. 2016; Burda et al. 2016). */
public final class HvaePlugin implements GenzooPlugin {

    @Override
    public String name() {
        return "hvae";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new BottomUpEncoder.Factory(), new LadderEncoder.Factory());
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new HierarchicalPrior.Factory());
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(new FirstLayerDecoder.Factory());
    }
}
