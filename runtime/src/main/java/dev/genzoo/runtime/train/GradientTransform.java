package dev.genzoo.runtime.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A change to a step's gradients between backward and the optimizer's update (clipping by global
 * norm, say), in place. A callback that is also a gradient transform is applied by the loop to
 * every step, in the callbacks' order.
 */
public interface GradientTransform {

    /**
     * Transforms the step's gradients in place.
     *
     * @param gradients stable parameter name to the gradient of every parameter the step read; the
     *     arrays are the live gradients the update reads
     */
    void transform(Map<String, NDArray> gradients);
}
