package com.example.genzoo.renyi;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import java.util.List;

/**
 * The plugin's root: the Renyi bound (Li and Turner 2016) for any density encoder, a Laplace prior,
 * and an MLP Laplace encoder built from genzoo-nn.
 */
public final class RenyiPlugin implements GenzooPlugin {

    @Override
    public String name() {
        return "renyi";
    }

    /** The api this jar was compiled against: javac copies the constant's value into this class. */
    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new MlpLaplaceEncoder.Factory());
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new LaplacePrior.Factory());
    }

    @Override
    public List<ObjectiveFactory> objectives() {
        return List.of(new RenyiBound.Factory());
    }
}
