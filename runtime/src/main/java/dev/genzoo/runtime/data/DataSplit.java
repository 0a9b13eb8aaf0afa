package dev.genzoo.runtime.data;

import java.util.Objects;

/**
 * A data source divided into examples to train on and held-out examples to evaluate the bound on.
 *
 * @param train the examples the model is fitted to
 * @param test the held-out examples, disjoint from train
 */
public record DataSplit(Dataset train, Dataset test) {
    /**
     * A split of two data sets with the same example shape.
     *
     * @param train the examples the model is fitted to
     * @param test the held-out examples, disjoint from train
     * @throws IllegalArgumentException if the two example shapes differ
     */
    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!train.exampleShape().equals(test.exampleShape())) {
            throw new IllegalArgumentException(
                    "train examples are " + train.exampleShape() + " but test examples are " + test.exampleShape());
        }
    }
}
