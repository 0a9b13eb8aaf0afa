package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.options.Option;

/**
 * The soft bound on the log-scale of an affine flow step, s = c * tanh(raw / c), which keeps every
 * step's scale within e^-c..e^c (Dinh et al. 2017 bound theirs with a tanh; c = 1 is exactly that).
 */
final class LogScale {
    static final Option<Double> BOUND = Option.real(
                    "scale-bound", 1.0, "c in log-scale = c * tanh(raw / c): each step scales by at most e^c")
            .above(0);

    private LogScale() {}

    /** c * tanh(raw / c), elementwise. */
    static NDArray bounded(NDArray raw, float bound) {
        if (bound == 1f) {
            return raw.tanh();
        }
        return Scalars.times(Scalars.dividedBy(raw, bound).tanh(), bound);
    }
}
