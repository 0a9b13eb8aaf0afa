package dev.genzoo.runtime.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.Batch;
import dev.genzoo.runtime.data.DataFacts;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.wiring.DataOptions;
import dev.genzoo.runtime.wiring.Defaults;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks a new training run passes before its run directory is made, beyond running the
 * objective once ({@link FirstBatch}); each refusal is one sentence that says what to change:
 *
 * <ul>
 *   <li>an option that the data decide ({@link DataOptions}: a diffusion's {@code levels}) agrees
 *       with the data as the model sees them;
 *   <li>a Bernoulli likelihood sees only data in {0, 1}: on grey levels, dequantized pixels or
 *       real values, x l - softplus(l) is no normalized likelihood, and its "bound" no bound;
 *   <li>a discretized likelihood (the api's {@code DiscretizedLogistic}) sees only data on K
 *       levels: its bound is already one on the probability of discrete pixels, so dequantizing
 *       for it would count the cell's volume twice, and real values fall between its bins;
 *   <li>every component with trainable parameters gets a gradient from the objective: one
 *       training pass and backward on two held-out examples, the parameters restored afterwards
 *       (a training pass may write into them, as a codebook's moving averages do), so the run's
 *       numbers are those it would have had without the check. The pass is the run's last step,
 *       not its first: a KL warm-up or cyclical annealing weighs the KL by 0 at step 0, which
 *       would take a trainable prior's gradient away and refuse a run that trains it.
 * </ul>
 */
final class Preflight {
    private static final int EXAMPLES = 2;

    private Preflight() {}

    /** Runs every check on an opened model and its data. */
    static void check(ExperimentConfig config, OpenedModel opened) {
        DeviceData data = opened.data();
        DataFacts facts = data.facts();
        DataOptions.mismatch(config, data.levelsSeen(), facts.name()).ifPresent(why -> {
            throw new GenzooException(why);
        });
        if (opened.bernoulli() && data.levelsSeen() != 2) {
            throw new GenzooException(bernoulliRefusal(config, data));
        }
        if (opened.discretized() && data.levelsSeen() < 2) {
            throw new GenzooException(discretizedRefusal(config, data));
        }
        long stepsPerEpoch = (data.trainSize() + config.get(Settings.BATCH_SIZE) - 1) / config.get(Settings.BATCH_SIZE);
        List<Role> untrained = untrained(opened.model(), data, config.get(Settings.EPOCHS), stepsPerEpoch);
        if (!untrained.isEmpty()) {
            throw new GenzooException(untrainedRefusal(config, opened.model(), untrained));
        }
    }

    private static String bernoulliRefusal(ExperimentConfig config, DeviceData data) {
        DataFacts facts = data.facts();
        String holds = data.preparation().dequantization() != dev.genzoo.runtime.data.Dequantization.NONE
                ? "dequantized (continuous) values"
                : facts.values();
        String fix = facts.binarizable()
                ? "binarize them (" + Settings.BINARIZE.flag() + " dynamic or static), or choose a decoder for"
                        + " grey levels or real values"
                : "choose a decoder for real values, such as " + Defaults.REAL_DECODER;
        return String.format(
                "decoder '%s' is a Bernoulli likelihood, for data in {0, 1}, but data '%s' as the model sees it"
                        + " holds %s; %s",
                config.component(Role.DECODER), facts.name(), holds, fix);
    }

    private static String discretizedRefusal(ExperimentConfig config, DeviceData data) {
        DataFacts facts = data.facts();
        boolean dequantized = data.preparation().dequantization() != dev.genzoo.runtime.data.Dequantization.NONE;
        return String.format(
                "decoder '%s' is a discretized likelihood, a probability of pixels on K levels, but data '%s' as the"
                        + " model sees it holds %s; %s",
                config.component(Role.DECODER),
                facts.name(),
                dequantized ? "dequantized (continuous) values" : facts.values(),
                dequantized
                        ? "use " + Settings.DEQUANTIZE.flag() + " none (its bound is already one on the discrete data)"
                        : "choose a decoder for real values, such as " + Defaults.REAL_DECODER);
    }

    private static String untrainedRefusal(ExperimentConfig config, AssembledModel model, List<Role> roles) {
        List<String> parts = new ArrayList<>();
        for (Role role : roles) {
            long size = model.parametersOf(role).values().stream()
                    .filter(Parameter::requiresGradient)
                    .mapToLong(p -> p.getArray().size())
                    .sum();
            parts.add(
                    String.format(Locale.ROOT, "%s '%s' (%,d parameters)", role.word(), config.component(role), size));
        }
        String hint = roles.contains(Role.PRIOR) && roles.size() == 1
                ? "; choose a prior it trains, or fit this one after training with genzoo train-prior"
                : "; choose components it trains (genzoo plugins lists them)";
        return String.format(
                "objective '%s' gives no gradient to %s, so %s would stay as initialized%s",
                config.component(Role.OBJECTIVE), String.join(" or ", parts), roles.size() == 1 ? "it" : "they", hint);
    }

    /**
     * The roles whose trainable parameters all receive no gradient, or only zeros, from one
     * training pass on the first held-out examples, a pass at the last step of a run of the given
     * length.
     */
    static List<Role> untrained(AssembledModel model, DeviceData data, int epochs, long stepsPerEpoch) {
        Map<Parameter, NDArray> saved = new IdentityHashMap<>();
        List<Role> untrained = new ArrayList<>();
        try (NDManager copies = model.manager().newSubManager()) {
            for (Parameter p : model.parameters().values()) {
                NDArray copy = p.getArray().duplicate();
                copy.attach(copies);
                saved.put(p, copy);
            }
            try {
                gradients(model, data, untrained, epochs, stepsPerEpoch);
            } finally {
                restore(saved);
            }
        }
        return untrained;
    }

    private static void gradients(
            AssembledModel model, DeviceData data, List<Role> untrained, int epochs, long stepsPerEpoch) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Batch examples = data.test().batch(0, Math.min(EXAMPLES, data.test().size()));
            NDArray batch = examples.x();
            long total = Math.max(1, epochs * stepsPerEpoch);
            StepContext context = model.forBatch(
                    StepContext.training(
                            total - 1,
                            Math.max(0, epochs - 1),
                            total,
                            Math.max(1, stepsPerEpoch),
                            model.manager(),
                            model.parameterStore()),
                    examples);
            try {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    ObjectiveValue value = model.objective().evaluate(batch, model.model(), context);
                    collector.backward(value.loss());
                }
                for (Role role : Role.values()) {
                    boolean trainable = false;
                    boolean trained = false;
                    for (Parameter p : model.parametersOf(role).values()) {
                        if (!p.requiresGradient()) {
                            continue;
                        }
                        trainable = true;
                        NDArray leaf = model.parameterStore().leafOf(p);
                        if (leaf != null && leaf.getGradient().abs().sum().getFloat() > 0) {
                            trained = true;
                            break;
                        }
                    }
                    if (trainable && !trained) {
                        untrained.add(role);
                    }
                }
            } finally {
                model.parameterStore().endStep();
            }
        }
    }

    private static void restore(Map<Parameter, NDArray> saved) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            saved.forEach((p, copy) -> p.getArray().muli(0).addi(copy));
        }
    }
}
