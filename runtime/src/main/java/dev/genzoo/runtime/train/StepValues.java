package dev.genzoo.runtime.train;

import java.util.List;

/**
 * The numbers one step or one evaluation produced: the loss followed by the objective's named
 * terms, in the objective's order.
 *
 * @param names "loss", then each term's name
 * @param values one value per name
 */
public record StepValues(List<String> names, double[] values) {

    /**
     * The loss.
     *
     * @return the first value
     */
    public double loss() {
        return values[0];
    }
}
