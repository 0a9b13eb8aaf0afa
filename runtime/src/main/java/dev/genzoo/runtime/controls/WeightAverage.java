package dev.genzoo.runtime.controls;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.HeldOutMetrics;
import dev.genzoo.runtime.train.StatefulCallback;
import dev.genzoo.runtime.train.StepValues;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of the trained weights (Polyak and Juditsky 1992; the usual default
 * of diffusion models, Ho et al. 2020): after every step, a = d_t a + (1 - d_t) w with d_t = min(d,
 * (1 + t) / (10 + t)), the warm-up of TensorFlow's and diffusers' averages. The epoch's held-out
 * numbers and the final pictures are computed with the average, the checkpoint keeps it beside the
 * trained weights (as this callback's state, {@value #STATE}), and {@code sample} and {@code eval}
 * use it where a checkpoint has it. Off (d = 0) by default.
 */
public final class WeightAverage implements StatefulCallback {
    /** The name its state is saved under in a checkpoint. */
    public static final String STATE = "ema";

    private final double decay;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> averages = new LinkedHashMap<>();
    private final Map<String, NDArray> trained = new LinkedHashMap<>();
    private long updates;

    /**
     * An average as the config sets it.
     *
     * @param config the stage's config
     */
    @Inject
    public WeightAverage(ExperimentConfig config) {
        this.decay = config.get(Settings.EMA);
    }

    @Override
    public String stateName() {
        return STATE;
    }

    /** Before the evaluation reads the weights, and before any other callback hears a step. */
    @Override
    public int order() {
        return MEASURE - 10;
    }

    @Override
    public void prepare(AssembledModel model) {
        if (decay <= 0 || !averages.isEmpty()) {
            return;
        }
        model.parameters().forEach((name, parameter) -> {
            if (parameter.requiresGradient()) {
                NDArray average = parameter.getArray().duplicate();
                NDArray copy = parameter.getArray().duplicate();
                NDScope.unregister(average, copy);
                parameters.put(name, parameter);
                averages.put(name, average);
                trained.put(name, copy);
            }
        });
    }

    /**
     * The decay of update t (from 1).
     *
     * @param decay d
     * @param t the update's number
     * @return min(d, (1 + t) / (10 + t))
     */
    static double decayAt(double decay, long t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    @Override
    public void onStepEnd(Fit fit, StepValues values) {
        if (averages.isEmpty()) {
            return;
        }
        updates++;
        float d = (float) decayAt(decay, updates);
        averages.forEach((name, average) ->
                average.muli(d).addi(parameters.get(name).getArray().mul(1f - d)));
    }

    @Override
    public void onEvaluation(Fit fit, HeldOutMetrics heldOut) {
        swap(true);
    }

    @Override
    public void onEpochEnd(Fit fit, EpochRecord record) {
        swap(false);
    }

    /** The final pictures are drawn with the average, which the model keeps from then on. */
    @Override
    public void onFitEnd(Fit fit, EpochRecord last) {
        swap(true);
    }

    private void swap(boolean toAverage) {
        averages.forEach((name, average) -> {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray weight = parameters.get(name).getArray();
                if (toAverage) {
                    copy(weight, trained.get(name));
                    copy(average, weight);
                } else {
                    copy(trained.get(name), weight);
                }
            }
        });
    }

    private static void copy(NDArray from, NDArray to) {
        to.muli(0).addi(from);
    }

    @Override
    public Map<String, NDArray> stateArrays() {
        return averages;
    }

    @Override
    public Map<String, String> stateValues() {
        return averages.isEmpty() ? Map.of() : Map.of("updates", Long.toString(updates));
    }

    @Override
    public void restoreState(Map<String, String> values) {
        updates = Long.parseLong(values.getOrDefault("updates", "0"));
    }
}
