package dev.genzoo.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import dev.genzoo.runtime.model.StepLeaves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015, algorithm 1, in the form of its section 2: the bias corrections are
 * folded into the step size, lr * sqrt(1 - beta2^t) / (1 - beta1^t), and epsilon is added to
 * sqrt(v) before that correction). One fused native update per parameter, from the gradient of the
 * step's leaf for that parameter (see {@link StepLeaves}); a parameter the step did not read is left
 * alone, as PyTorch leaves one whose gradient is None.
 *
 * <p>Moment estimates live beside their parameters, on the same device, for the life of the
 * model. Not thread-safe.
 */
public final class Adam {
    /** The first moment's decay, beta1. */
    public static final float BETA1 = 0.9f;
    /** The second moment's decay, beta2. */
    public static final float BETA2 = 0.999f;
    /** The default epsilon added to sqrt(v). */
    public static final float EPSILON = 1e-8f;

    private final List<Slot> slots = new ArrayList<>();
    private float learningRate;
    private final float epsilon;
    private long steps;

    private record Slot(String name, Parameter parameter, NDArray weight, NDArray mean, NDArray variance) {}

    /**
     * An optimizer for the parameters that take gradients.
     *
     * @param parameters stable name to parameter
     * @param learningRate the step size
     */
    public Adam(Map<String, Parameter> parameters, double learningRate) {
        this(parameters, learningRate, EPSILON);
    }

    /**
     * An optimizer for the parameters that take gradients, with its own epsilon (the IWAE paper,
     * Burda et al. 2016, section 5, trains with 1e-4).
     *
     * @param parameters stable name to parameter
     * @param learningRate the step size
     * @param epsilon added to sqrt(v), greater than 0
     */
    public Adam(Map<String, Parameter> parameters, double learningRate, float epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam's epsilon must be > 0, got " + epsilon);
        }
        this.learningRate = (float) learningRate;
        this.epsilon = epsilon;
        parameters.forEach((name, parameter) -> {
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                NDArray mean = weight.zerosLike();
                NDArray variance = weight.zerosLike();
                NDScope.unregister(mean, variance);
                slots.add(new Slot(name, parameter, weight, mean, variance));
            }
        });
    }

    /**
     * Applies one update to every parameter the step read, from its leaf's gradient.
     *
     * @param leaves the step's leaves, after backward
     */
    public void step(StepLeaves leaves) {
        step(gradients(leaves));
    }

    /**
     * The gradients of the parameters the step read, by stable name: the live arrays that {@link
     * #step(Map)} reads, so a change made to them in place changes the update.
     *
     * @param leaves the step's leaves, after backward
     * @return name to gradient, in the optimizer's order; parameters the step did not read are absent
     */
    public Map<String, NDArray> gradients(StepLeaves leaves) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (Slot slot : slots) {
            NDArray leaf = leaves.leafOf(slot.parameter);
            if (leaf != null) {
                gradients.put(slot.name, leaf.getGradient());
            }
        }
        return gradients;
    }

    /**
     * Applies one update to every parameter that has a gradient.
     *
     * @param gradients name to gradient, as {@link #gradients(StepLeaves)} gives them
     */
    public void step(Map<String, NDArray> gradients) {
        steps++;
        double correction = Math.sqrt(1 - Math.pow(BETA2, steps)) / (1 - Math.pow(BETA1, steps));
        float stepSize = (float) (learningRate * correction);
        for (Slot slot : slots) {
            NDArray gradient = gradients.get(slot.name);
            if (gradient == null) {
                continue;
            }
            slot.weight
                    .getNDArrayInternal()
                    .adamUpdate(
                            new NDList(slot.weight, gradient, slot.mean, slot.variance),
                            new NDList(slot.weight),
                            learningRate,
                            stepSize,
                            0f,
                            1f,
                            -1f,
                            BETA1,
                            BETA2,
                            epsilon,
                            false,
                            false);
        }
    }

    /**
     * The step size of the next updates (a schedule changes it between steps).
     *
     * @param rate the learning rate, at least 0
     */
    public void setLearningRate(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("a learning rate must be a finite number >= 0, got " + rate);
        }
        this.learningRate = (float) rate;
    }

    /** @return the step size of the next update */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Updates taken so far (t in the paper).
     *
     * @return the step count
     */
    public long steps() {
        return steps;
    }

    /**
     * The moment estimates by name, {@code m.<parameter>} and {@code v.<parameter>}, for
     * checkpoints.
     *
     * @return name to the live arrays (not copies)
     */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        for (Slot slot : slots) {
            state.put("m." + slot.name, slot.mean);
            state.put("v." + slot.name, slot.variance);
        }
        return state;
    }

    /**
     * Restores the step count; the moments are restored by writing into {@link #state()}.
     *
     * @param savedSteps t at the time of the checkpoint
     */
    public void restoreSteps(long savedSteps) {
        this.steps = savedSteps;
    }
}
