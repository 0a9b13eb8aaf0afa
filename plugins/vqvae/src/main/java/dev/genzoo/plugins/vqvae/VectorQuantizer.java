package dev.genzoo.plugins.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.NormalInitializer;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;

/**
 * The codebook of K vectors e_1..e_K in R^D and the nearest-neighbour map z_q(x) = e_k with
 * k = argmin_j ||z_e(x) - e_j||^2 at every position of the grid (van den Oord et al. 2017,
 * equations 1 and 2). The codebook is trained by the objective's codebook term, or, with {@code
 * codebook=ema}, by exponential moving averages (ibid., appendix A.1) updated in place during
 * training passes; codes left unused for a while can be restarted from encoder outputs.
 */
final class VectorQuantizer {
    /** The name of the codebook parameter, [K, D]; the code priors find the codebook by it. */
    static final String CODEBOOK_NAME = "codebook";

    static final Option<Integer> CODES =
            Option.integer("codes", 512, "codebook size K").atLeast(2);
    static final Option<Integer> CODE_DIM = Option.integer("code-dim", 64, "dimension D of each codebook vector")
            .atLeast(1);
    static final Option<String> CODEBOOK = Option.choice(
            "codebook",
            "loss",
            "how the codebook learns: loss (the objective's codebook term) or ema (moving averages of the"
                    + " encoder outputs assigned to each code); give it without a role so encoder and objective agree",
            "loss",
            "ema");
    static final Option<Double> DECAY = Option.real(
                    "decay", 0.99, "decay gamma of the moving averages, for codebook=ema")
            .check(v -> v > 0 && v < 1, "between 0 and 1, exclusive");
    static final Option<Integer> RESTART_AFTER = Option.integer(
                    "restart-after",
                    0,
                    "restart a code left unused for this many training steps at a random encoder output; 0: never")
            .atLeast(0);

    private final Parameter codebook;
    private final CodebookEma ema;
    private final DeadCodeRestarts restarts;

    private VectorQuantizer(Parameter codebook, CodebookEma ema, DeadCodeRestarts restarts) {
        this.codebook = codebook;
        this.ema = ema;
        this.restarts = restarts;
    }

    /**
     * A codebook drawn from N(0, 0.1^2), as the reference implementation in shared/bench draws it.
     *
     * @param decay the moving averages' decay, or 0 for a codebook trained by the loss
     * @param restartAfter training steps a code may go unused before it is restarted, 0 for never
     */
    static VectorQuantizer create(NDManager manager, int codes, int codeDim, double decay, int restartAfter) {
        boolean movingAverages = decay > 0;
        Parameter codebook = Parameter.builder()
                .setName(CODEBOOK_NAME)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(codes, codeDim))
                .optInitializer(new NormalInitializer(0.1f))
                .optRequiresGrad(!movingAverages)
                .build();
        codebook.initialize(manager, DataType.FLOAT32);
        CodebookEma ema = movingAverages ? CodebookEma.create(manager, codebook.getArray(), (float) decay) : null;
        DeadCodeRestarts restarts = restartAfter > 0 ? DeadCodeRestarts.create(manager, codes, restartAfter) : null;
        return new VectorQuantizer(codebook, ema, restarts);
    }

    /** The nearest codes and their vectors for a grid of encoder outputs. */
    record Quantized(NDArray zq, NDArray indices) {}

    /**
     * Snaps each position of z_e to its nearest code. In a training pass the moving averages and
     * the restarts (where enabled) are updated afterwards, in place, from this batch.
     *
     * @param ze the encoder outputs [B, D, h, w]
     * @return z_q [B, D, h, w], differentiable with respect to the codebook when the loss trains
     *     it, and the indices [B, h, w] (int64)
     */
    Quantized quantize(NDArray ze, StepContext context) {
        Shape shape = ze.getShape();
        NDArray book = context.parameterStore().getValue(codebook, ze.getDevice(), context.training());
        NDArray rows = ze.stopGradient().transpose(0, 2, 3, 1).reshape(-1, shape.get(1));
        NDArray indices = nearest(rows, book.stopGradient());
        NDArray grid = indices.reshape(shape.get(0), shape.get(2), shape.get(3));
        NDArray zq = lookUp(grid, book).transpose(0, 3, 1, 2);
        if (context.training()) {
            NDArray stored = codebook.getArray();
            if (ema != null) {
                ema.update(rows, indices, stored);
            }
            if (restarts != null) {
                restarts.update(rows, indices, stored, ema);
            }
        }
        return new Quantized(zq, grid);
    }

    /**
     * The index of the nearest codebook row for each row, by squared distance: argmin_k
     * (||e_k||^2 - 2 z.e_k), the constant ||z||^2 left out, as one matrix product of the rows
     * extended by a 1 with the codebook extended by its squared norms, [z, 1] . [-2 e_k, ||e_k||^2].
     *
     * @param rows vectors [N, D], without gradient
     * @param book the codebook [K, D], without gradient
     * @return indices [N], int64
     */
    static NDArray nearest(NDArray rows, NDArray book) {
        NDArray squaredNorms = book.square().sum(new int[] {1}, true);
        NDArray extendedBook = Scalars.times(book, -2f).concat(squaredNorms, 1);
        NDArray ones = rows.getManager().ones(new Shape(rows.getShape().get(0), 1), rows.getDataType());
        NDArray distances = rows.concat(ones, 1).matMul(extendedBook.transpose());
        return distances.argMin(1);
    }

    /**
     * The codebook rows of an array of indices.
     *
     * @param indices int64, any shape S
     * @param book the codebook [K, D]
     * @return S + [D]; its gradient with respect to the codebook is that of an embedding lookup
     */
    static NDArray lookUp(NDArray indices, NDArray book) {
        return book.getNDArrayInternal()
                .embedding(indices, book, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    void addTo(ParameterList list) {
        list.add(CODEBOOK_NAME, codebook);
        if (ema != null) {
            ema.addTo(list);
        }
        if (restarts != null) {
            restarts.addTo(list);
        }
    }
}
