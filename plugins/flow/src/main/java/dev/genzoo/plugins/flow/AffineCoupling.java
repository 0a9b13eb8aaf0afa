package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.nn.MultilayerPerceptron;
import java.util.List;

/**
 * The affine coupling layer of RealNVP (Dinh et al. 2017, equations 4-9): with a fixed binary mask
 * b, y = b * x + (1 - b) * (x * exp(s(b * x)) + t(b * x)), log|det| = sum((1 - b) * s). One network
 * gives s and t; s is soft-bounded (see {@link LogScale}). Its inverse is as cheap as the forward.
 */
final class AffineCoupling implements FlowStep {
    private final NDArray kept;
    private final NDArray changedTwice;
    private final MultilayerPerceptron network;
    private final float scaleBound;
    private final boolean conditioned;

    /**
     * A coupling layer over events of a shape.
     *
     * @param manager owns the parameters and masks
     * @param event one event's shape; D is its size
     * @param parity which alternating mask: the elements kept are those whose coordinates sum to
     *     an even number (parity 0) or an odd one (parity 1), a checkerboard on images
     * @param hidden the conditioner's hidden widths
     * @param activation the conditioner's activation
     * @param scaleBound c of {@link LogScale}
     * @param conditionSize F, the condition features the network reads beside the kept half (s
     *     and t then depend on y, and the layer stays invertible for each y), or 0
     */
    AffineCoupling(
            NDManager manager,
            Shape event,
            int parity,
            List<Integer> hidden,
            String activation,
            float scaleBound,
            int conditionSize) {
        int d = Math.toIntExact(event.size());
        float[] keep = alternatingMask(event, parity);
        float[] change = new float[2 * d];
        for (int i = 0; i < d; i++) {
            change[i] = 1f - keep[i];
            change[d + i] = 1f - keep[i];
        }
        this.kept = manager.create(keep);
        this.changedTwice = manager.create(change);
        this.network = Conditioner.create(manager, (long) d + conditionSize, hidden, 2L * d, activation, null);
        this.scaleBound = scaleBound;
        this.conditioned = conditionSize > 0;
    }

    /**
     * 1 where an element of an event passes unchanged: the sum of its coordinates has the given
     * parity. For 2-D points with parity 0 that is (1, 0), as in RealNVP's first layer.
     */
    static float[] alternatingMask(Shape event, int parity) {
        long[] dims = event.getShape();
        int d = Math.toIntExact(event.size());
        float[] mask = new float[d];
        for (int flat = 0; flat < d; flat++) {
            long rest = flat;
            long coordinateSum = 0;
            for (int axis = dims.length - 1; axis >= 0; axis--) {
                coordinateSum += rest % dims[axis];
                rest /= dims[axis];
            }
            mask[flat] = coordinateSum % 2 == parity ? 1f : 0f;
        }
        return mask;
    }

    /**
     * s and t from the kept part of x (or of y: it is the same), both zero where b = 1: the
     * network's outputs are masked once, before the bound, which keeps 0 at 0.
     */
    private NDList scaleAndShift(NDArray x, StepContext context) {
        NDArray input = x.mul(kept);
        if (conditioned) {
            input = context.condition()
                    .orElseThrow(() -> new GenzooException(
                            "this flow was built for a conditional model, and its input came without a condition"))
                    .appendTo(input);
        }
        NDList halves = network.forward(input, context).mul(changedTwice).split(2, 1);
        return new NDList(LogScale.bounded(halves.get(0), scaleBound), halves.get(1));
    }

    /** Where b = 1, s = t = 0, so x * exp(s) + t is x itself there: no second masking needed. */
    @Override
    public Transformed forward(NDArray x, StepContext context) {
        NDList st = scaleAndShift(x, context);
        NDArray s = st.get(0);
        return Transformed.ofElements(x.mul(s.exp()).add(st.get(1)), s);
    }

    @Override
    public NDArray inverse(NDArray y, StepContext context) {
        NDList st = scaleAndShift(y, context);
        return y.sub(st.get(1)).mul(st.get(0).neg().exp());
    }

    @Override
    public void addParameters(ParameterList list, String prefix) {
        network.addParameters(list, prefix);
    }
}
