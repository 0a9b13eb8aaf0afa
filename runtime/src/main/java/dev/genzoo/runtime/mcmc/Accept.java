package dev.genzoo.runtime.mcmc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/** The accept-or-reject step both kernels end with: accept with probability min(1, e^logRatio). */
final class Accept {
    private Accept() {}

    /** min(1, e^logRatio), 0 where the ratio is not a number (a proposal into an overflow). */
    static NDArray probability(NDArray logRatio) {
        NDArray finite = logRatio.isNaN().logicalNot();
        return logRatio.minimum(0f).exp().mul(finite.toType(logRatio.getDataType(), false));
    }

    /** Boolean per chain: log u &lt; logRatio with u ~ U(0, 1). */
    static NDArray draw(NDArray logRatio) {
        NDArray u = logRatio.getManager().randomUniform(0f, 1f, logRatio.getShape());
        return u.log().lt(logRatio);
    }

    /** The proposal where accepted, else the current state, for arrays of [chains...] and trailing axes. */
    static NDArray select(NDArray accepted, NDArray proposed, NDArray current) {
        NDArray condition = accepted;
        while (condition.getShape().dimension() < proposed.getShape().dimension()) {
            condition = condition.expandDims(-1);
        }
        return NDArrays.where(condition.broadcast(proposed.getShape()), proposed, current);
    }
}
