package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;

/**
 * One invertible map of a normalizing flow over rows [N, D], whose log-determinant is a sum (no
 * determinant is ever computed: DJL's engine has none). {@link #forward} is the step's cheap
 * direction; {@link #inverse} may be slower (D passes for an autoregressive step) or missing.
 */
interface FlowStep {

    /**
     * y = f(x) and log|det df/dx|.
     *
     * @param x rows [N, D]
     * @param context the step being run (parameters are read through its store)
     * @return y [N, D] and the log-determinant, per row [N] or as terms [N, D] that sum to it
     */
    Transformed forward(NDArray x, StepContext context);

    /**
     * x = f^-1(y).
     *
     * @param y rows [N, D]
     * @param context the step being run
     * @return x [N, D]
     * @throws UnsupportedOperationException for a step without a closed-form inverse
     */
    NDArray inverse(NDArray y, StepContext context);

    /**
     * Adds this step's parameters to a list under {@code prefix.}.
     *
     * @param list the list
     * @param prefix the step's name, such as {@code coupling3}
     */
    void addParameters(ParameterList list, String prefix);
}
