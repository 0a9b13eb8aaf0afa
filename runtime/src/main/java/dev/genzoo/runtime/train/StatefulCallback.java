package dev.genzoo.runtime.train;

import ai.djl.ndarray.NDArray;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.Map;

/**
 * A callback with state that must survive a resume (the moving average of the weights, a
 * schedule's position), after Lightning's {@code state_dict}: the checkpoint saves it beside the
 * model's parameters and restores it before the fit continues, so a resumed run takes the steps an
 * uninterrupted one would.
 */
public interface StatefulCallback extends TrainingCallback {

    /**
     * The name the state is saved under; unique among a run's callbacks.
     *
     * @return a lower-case word
     */
    String stateName();

    /**
     * Called once with the model the fit trains, before any state is saved or restored: a callback
     * whose arrays mirror the model's (a moving average of the weights) makes them here.
     *
     * @param model the model
     */
    default void prepare(AssembledModel model) {}

    /**
     * The arrays of the state, saved as they are and restored by copying into these same arrays.
     *
     * @return name to live array (not a copy)
     */
    default Map<String, NDArray> stateArrays() {
        return Map.of();
    }

    /**
     * The numbers and words of the state.
     *
     * @return name to value as text
     */
    default Map<String, String> stateValues() {
        return Map.of();
    }

    /**
     * Restores the values of the state; its arrays have been copied in already. Not called when a
     * checkpoint holds no state under this callback's name (it was written without it): the
     * callback then keeps the state it started with.
     *
     * @param values what {@link #stateValues()} gave when the checkpoint was written
     */
    default void restoreState(Map<String, String> values) {}
}
