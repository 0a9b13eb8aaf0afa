package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import java.util.List;

/**
 * An affine autoregressive step y = x * exp(s(x)) + m(x), where s_i and m_i depend on x's elements
 * before i only (a {@link MaskedAutoencoder}); log|det| = sum(s). One pass forward, D passes back.
 * Read data to noise it is MAF (Papamakarios et al. 2017, equation 3, with s = -alpha and m = -mu
 * exp(-alpha)); read noise to sample it is IAF (Kingma et al. 2016, equation 10, sigma = exp(s)).
 */
final class AutoregressiveAffine implements FlowStep {
    private final MaskedAutoencoder made;
    private final int dimensions;
    private final float scaleBound;

    /**
     * A step over D-dimensional rows.
     *
     * @param manager owns the parameters
     * @param d D, at least 2
     * @param hidden MADE's hidden widths
     * @param activation MADE's activation
     * @param reversed reverse the autoregressive order (alternate steps do, Papamakarios et al. 2017)
     * @param scaleBound c of {@link LogScale}
     */
    AutoregressiveAffine(
            NDManager manager, int d, List<Integer> hidden, String activation, boolean reversed, float scaleBound) {
        this.made = new MaskedAutoencoder(manager, d, hidden, activation, reversed);
        this.dimensions = d;
        this.scaleBound = scaleBound;
    }

    private NDList scaleAndShift(NDArray x, StepContext context) {
        NDList halves = made.forward(x, context).split(2, 1);
        return new NDList(LogScale.bounded(halves.get(0), scaleBound), halves.get(1));
    }

    @Override
    public Transformed forward(NDArray x, StepContext context) {
        NDList sm = scaleAndShift(x, context);
        NDArray s = sm.get(0);
        return Transformed.ofElements(x.mul(s.exp()).add(sm.get(1)), s);
    }

    /**
     * x = (y - m(x)) * exp(-s(x)), solved one element per pass: after pass k, the first k elements
     * in the autoregressive order are exact, so D passes recover x. Outside training each pass runs
     * in its own scope, so memory holds two passes, not D.
     */
    @Override
    public NDArray inverse(NDArray y, StepContext context) {
        NDArray x = y.zerosLike();
        for (int pass = 0; pass < dimensions; pass++) {
            if (context.training()) {
                x = solve(y, x, context);
                continue;
            }
            NDArray next;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                next = solve(y, x, context);
                NDScope.unregister(next);
            }
            NDScope.register(next);
            x.close();
            x = next;
        }
        return x;
    }

    private NDArray solve(NDArray y, NDArray x, StepContext context) {
        NDList sm = scaleAndShift(x, context);
        return y.sub(sm.get(1)).mul(sm.get(0).neg().exp());
    }

    @Override
    public void addParameters(ParameterList list, String prefix) {
        made.addParameters(list, prefix);
    }
}
