package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * The masked autoregressive flow (Papamakarios et al. 2017): affine autoregressive layers, each a
 * MADE, the order reversed from one layer to the next. Density in one pass, sampling in D.
 */
final class MafRecipe implements FlowRecipe {
    static final Option<Integer> LAYERS = Option.integer(
                    "layers", 5, "autoregressive layers, order reversed between them")
            .atLeast(1);

    @Override
    public String name() {
        return "maf";
    }

    @Override
    public String description() {
        return "masked autoregressive flow, one MADE per layer (Papamakarios et al. 2017)";
    }

    @Override
    public List<Option<?>> options(boolean onData) {
        List<Option<?>> options =
                new ArrayList<>(List.of(LAYERS, Conditioner.HIDDEN, Conditioner.ACTIVATION, LogScale.BOUND));
        if (onData) {
            options.add(LogitTransform.ALPHA);
        }
        return options;
    }

    @Override
    public Flow build(Options options, Shape event, NDManager manager, boolean onData, int conditionSize) {
        if (conditionSize != 0) {
            throw new IllegalArgumentException("MAF takes no condition");
        }
        int d = Math.toIntExact(event.size());
        if (d < 2) {
            throw new GenzooException(
                    "an autoregressive flow needs events of at least 2 dimensions, got shape " + event);
        }
        List<FlowStep> steps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (onData && options.get(LogitTransform.ALPHA) > 0) {
            steps.add(new LogitTransform(options.get(LogitTransform.ALPHA).floatValue()));
            names.add("logit");
        }
        int layers = options.get(LAYERS);
        for (int i = 0; i < layers; i++) {
            steps.add(new AutoregressiveAffine(
                    manager,
                    d,
                    options.get(Conditioner.HIDDEN),
                    options.get(Conditioner.ACTIVATION),
                    i % 2 == 1,
                    options.get(LogScale.BOUND).floatValue()));
            names.add("made" + i);
        }
        return new Flow(event, steps, names);
    }
}
