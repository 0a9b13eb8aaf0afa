package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;

/**
 * The codebook as exponential moving averages (van den Oord et al. 2017, appendix A.1, equations
 * 6 to 8): per code k, the cluster size N_k <- gamma N_k + (1 - gamma) n_k and the sum m_k <-
 * gamma m_k + (1 - gamma) sum_{i: k(i) = k} z_e(x_i), then e_k = m_k / N~_k, where N~ is N with
 * Laplace smoothing, N~_k = (N_k + eps) / (sum N + K eps) * sum N, so that an empty cluster never
 * divides by zero (as in the authors' Sonnet implementation).
 *
 * <p>N starts at 1 and m at the initial codebook, as if each code had once been assigned its own
 * vector: an unused code then keeps its vector while its N and m decay together, instead of
 * collapsing to zero or growing without bound. N and m are parameters that take no gradient, so
 * checkpoints save them; they and the codebook are written in place, never replaced.
 */
final class CodebookEma {
    /** The smoothing constant eps. */
    static final float EPSILON = 1e-5f;

    private final Parameter clusterSize;
    private final Parameter sums;
    private final float decay;

    private CodebookEma(Parameter clusterSize, Parameter sums, float decay) {
        this.clusterSize = clusterSize;
        this.sums = sums;
        this.decay = decay;
    }

    static CodebookEma create(NDManager manager, NDArray codebook, float decay) {
        Shape shape = codebook.getShape();
        Parameter size = state(manager, "codebook_cluster_size", new Shape(shape.get(0)), 1f);
        Parameter sums = state(manager, "codebook_sums", shape, 0f);
        sums.getArray().addi(codebook);
        return new CodebookEma(size, sums, decay);
    }

    private static Parameter state(NDManager manager, String name, Shape shape, float value) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.RUNNING_MEAN)
                .optShape(shape)
                .optInitializer(new ConstantInitializer(value))
                .optRequiresGrad(false)
                .build();
        p.initialize(manager, DataType.FLOAT32);
        return p;
    }

    /**
     * One update from a batch, in place (no gradient flows: every operand is detached).
     *
     * @param rows the batch's encoder outputs [N, D], detached
     * @param indices each row's code [N]
     * @param codebook the codebook's own array [K, D], overwritten with m / N~
     */
    void update(NDArray rows, NDArray indices, NDArray codebook) {
        long codes = codebook.getShape().get(0);
        NDArray assigned = indices.oneHot((int) codes, DataType.FLOAT32);
        NDArray counts = assigned.sum(new int[] {0});
        NDArray batchSums = assigned.transpose().matMul(rows);
        NDArray n = clusterSize.getArray();
        NDArray m = sums.getArray();
        n.muli(decay).addi(counts.muli(1 - decay));
        m.muli(decay).addi(batchSums.muli(1 - decay));
        overwrite(codebook, m.div(smoothed(n).expandDims(1)));
    }

    /** N~ = (N + eps) / (sum N + K eps) * sum N. */
    static NDArray smoothed(NDArray n) {
        NDArray total = n.sum();
        return n.add(EPSILON).div(total.add(EPSILON * n.getShape().get(0))).mul(total);
    }

    /** Starts the averages of the codes in {@code restarted} (1 or 0 per code, [K, 1]) afresh at their new vectors. */
    void restart(NDArray restarted, NDArray vectors) {
        NDArray kept = restarted.neg().add(1);
        NDArray n = clusterSize.getArray();
        n.muli(kept.squeeze(1)).addi(restarted.squeeze(1));
        sums.getArray().muli(kept).addi(vectors.mul(restarted));
    }

    /** Writes {@code value} into {@code target} in place. */
    static void overwrite(NDArray target, NDArray value) {
        target.muli(0).addi(value);
    }

    void addTo(ParameterList list) {
        list.add(clusterSize.getName(), clusterSize);
        list.add(sums.getName(), sums);
    }
}
