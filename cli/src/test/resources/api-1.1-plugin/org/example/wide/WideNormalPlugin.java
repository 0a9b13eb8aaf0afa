package org.example.wide;

import dev.genzoo.api.ApiVersion;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A third party's plugin as it was written for genzoo api 1.1, compiled by OlderApiPluginTest
 * against api/baseline/genzoo-api-1.1.jar alone: a prior N(0, scale^2 I).
 */
public final class WideNormalPlugin implements GenzooPlugin {
    static final Option<Double> SCALE = Option.real("scale", 2.0, "the prior's standard deviation");

    @Override
    public String name() {
        return "wide";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<PriorFactory> priors() {
        return List.of(new PriorFactory() {
            @Override
            public String name() {
                return "wide-normal";
            }

            @Override
            public String description() {
                return "N(0, scale^2 I), a standard normal widened";
            }

            @Override
            public List<Option<?>> options() {
                return List.of(SCALE);
            }

            @Override
            public Prior create(Options options, BuildContext context) {
                float logVariance = (float) (2 * Math.log(options.get(SCALE)));
                Shape latent = context.latentShape();
                return new Prior() {
                    @Override
                    public Distribution distribution(StepContext step) {
                        return Normal.ofLogVariance(
                                step.manager().zeros(latent), step.manager().full(latent, logVariance), latent.dimension());
                    }
                };
            }
        });
    }
}
