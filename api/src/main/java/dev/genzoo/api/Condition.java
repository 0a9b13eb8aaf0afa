package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Objects;
import java.util.Optional;

/**
 * What a conditional model's components are given besides x or z, one row per example (api 1.2;
 * Sohn et al. 2015, "Learning structured output representation using deep conditional generative
 * models"): a class label now, read by components as its {@link #features()} (a one-hot vector), so
 * that a vector condition (an embedding) is one more factory here and no change to any component.
 * It travels in the {@link StepContext} of a pass ({@link StepContext#condition()}).
 */
public final class Condition {
    private final NDArray features;
    private final NDArray labels;

    private Condition(NDArray features, NDArray labels) {
        this.features = Objects.requireNonNull(features, "features");
        this.labels = labels;
    }

    /**
     * Class labels, read as one-hot vectors.
     *
     * @param labels one class in 0..classes-1 per example, shape [B], integer type
     * @param classes the number of classes, the size of the features
     * @return the condition
     */
    public static Condition label(NDArray labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a label condition needs at least 1 class, got " + classes);
        }
        return new Condition(labels.oneHot(classes, DataType.FLOAT32), labels);
    }

    /**
     * The condition as components read it.
     *
     * @return [B, F] float32: a label's one-hot vector
     */
    public NDArray features() {
        return features;
    }

    /**
     * The size F of the features.
     *
     * @return the number of classes of a label condition
     */
    public int size() {
        return (int) features.getShape().get(1);
    }

    /**
     * The class labels, for a label condition.
     *
     * @return [B] integer labels, or empty for another kind of condition
     */
    public Optional<NDArray> labels() {
        return Optional.ofNullable(labels);
    }

    /**
     * The features beside an input, broadcast over its leading sample axes: [..., B, D] becomes
     * [..., B, D + F] (the conditioning by concatenation of Sohn et al. 2015, section 4).
     *
     * @param input [..., B, D], B the batch the condition describes
     * @return the input with the features appended on its last axis
     */
    public NDArray appendTo(NDArray input) {
        long[] shape = input.getShape().getShape();
        long[] target = shape.clone();
        target[target.length - 1] = size();
        return input.concat(features.broadcast(new ai.djl.ndarray.types.Shape(target)), -1);
    }
}
