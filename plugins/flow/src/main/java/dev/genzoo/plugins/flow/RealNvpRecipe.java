package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * RealNVP (Dinh et al. 2017): affine coupling layers with alternating masks (a checkerboard on
 * images), each conditioned by its own perceptron, soft-bounded log-scales; class-conditional when
 * its perceptrons also read a condition's one-hot features (p(x|y) exact, as a conditional flow).
 */
final class RealNvpRecipe implements FlowRecipe {
    static final Option<Integer> COUPLINGS = Option.integer("couplings", 8, "affine coupling layers, masks alternating")
            .atLeast(1);

    @Override
    public String name() {
        return "realnvp";
    }

    @Override
    public String description() {
        return "RealNVP affine couplings with alternating masks (Dinh et al. 2017)";
    }

    @Override
    public List<Option<?>> options(boolean onData) {
        List<Option<?>> options =
                new ArrayList<>(List.of(COUPLINGS, Conditioner.HIDDEN, Conditioner.ACTIVATION, LogScale.BOUND));
        if (onData) {
            options.add(LogitTransform.ALPHA);
        }
        return options;
    }

    @Override
    public boolean takesCondition() {
        return true;
    }

    @Override
    public Flow build(Options options, Shape event, NDManager manager, boolean onData, int conditionSize) {
        List<FlowStep> steps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (onData && options.get(LogitTransform.ALPHA) > 0) {
            steps.add(new LogitTransform(options.get(LogitTransform.ALPHA).floatValue()));
            names.add("logit");
        }
        int couplings = options.get(COUPLINGS);
        for (int i = 0; i < couplings; i++) {
            steps.add(new AffineCoupling(
                    manager,
                    event,
                    i % 2,
                    options.get(Conditioner.HIDDEN),
                    options.get(Conditioner.ACTIVATION),
                    options.get(LogScale.BOUND).floatValue(),
                    conditionSize));
            names.add("coupling" + i);
        }
        return new Flow(event, steps, names);
    }
}
