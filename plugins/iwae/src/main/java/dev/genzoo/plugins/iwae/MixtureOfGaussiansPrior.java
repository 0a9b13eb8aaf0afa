package dev.genzoo.plugins.iwae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.NormalInitializer;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Prior;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.nn.Parameters;
import java.util.List;

/**
 * A learned mixture of C diagonal Gaussians as the prior, p(z) = sum_c pi_c N(z; mu_c, diag
 * sigma_c^2) (Dilokthanakul et al. 2016; the "MoG prior" of Tomczak and Welling 2018, section 3).
 * Weights, means and log-variances are parameters; gradients reach all of them through {@code
 * logProb}, the only way an objective reads a prior in training. The means start spread as N(0, 1)
 * draws, the variances at 1, the weights equal.
 */
public final class MixtureOfGaussiansPrior implements Prior {
    static final Option<Integer> COMPONENTS =
            Option.integer("components", 10, "mixture components").atLeast(1);

    private final Parameter logits;
    private final Parameter loc;
    private final Parameter logVar;

    MixtureOfGaussiansPrior(Parameter logits, Parameter loc, Parameter logVar) {
        this.logits = logits;
        this.loc = loc;
        this.logVar = logVar;
    }

    @Override
    public Distribution distribution(StepContext context) {
        return new MixtureOfGaussians(read(logits, context), read(loc, context), read(logVar, context), false);
    }

    private static NDArray read(Parameter parameter, StepContext context) {
        return context.parameterStore().getValue(parameter, context.manager().getDevice(), context.training());
    }

    @Override
    public ParameterList parameters() {
        ParameterList list = new ParameterList();
        list.add("logits", logits);
        list.add("loc", loc);
        list.add("log_variance", logVar);
        return list;
    }

    /** Creates the {@code mixture-of-gaussians} prior. */
    public static final class Factory implements PriorFactory {
        @Override
        public String name() {
            return "mixture-of-gaussians";
        }

        @Override
        public String description() {
            return "learned mixture of diagonal Gaussians p(z) = sum_c pi_c N(mu_c, sigma_c^2)"
                    + " (Dilokthanakul et al. 2016)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(COMPONENTS);
        }

        @Override
        public Prior create(Options options, BuildContext context) {
            Shape latent = context.latentShape();
            if (latent.dimension() != 1) {
                throw new GenzooException(
                        "a mixture-of-Gaussians prior is over latent vectors, and the encoder's latents have shape "
                                + latent);
            }
            int c = options.get(COMPONENTS);
            NDManager manager = context.manager();
            Parameter logits = Parameters.constant(manager, "logits", Parameter.Type.OTHER, new Shape(c), 0f);
            Parameter loc = Parameters.initialized(
                    manager, "loc", Parameter.Type.OTHER, new Shape(c, latent.get(0)), new NormalInitializer(1f));
            Parameter logVar =
                    Parameters.constant(manager, "log_variance", Parameter.Type.OTHER, new Shape(c, latent.get(0)), 0f);
            return new MixtureOfGaussiansPrior(logits, loc, logVar);
        }
    }
}
