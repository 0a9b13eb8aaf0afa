package dev.genzoo.runtime.pictures;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.Arrays;
import java.util.Optional;

/**
 * A 2-D model's log-density on a regular grid of cell centres, read from the objective's
 * per-example bound, in large batches. An exact bound (a flow's log-likelihood) is evaluated once
 * per cell. A stochastic one (the ELBO's one draw of z, a diffusion's one timestep per example) is
 * the mean of {@link #DRAWS} draws per cell, and is given only when that mean is precise: the
 * median standard error over a few probe cells is under {@link #PRECISE} nats (a density known to
 * about 5%), so that a picture shows the model's surface and not the estimator's speckle. A
 * diffusion's one-timestep bound is far noisier than that. Row 0 is the top of the picture.
 */
public final class DensityGrid {
    /** Draws a stochastic bound is averaged over in each cell. */
    public static final int DRAWS = 64;
    /** The largest median standard error, in nats, of a cell's mean bound that is drawn. */
    public static final double PRECISE = 0.05;

    private static final int BATCH = 4096;
    private static final int PROBE = 16;
    private static final int SEED = 20_061_121;

    /**
     * The bound on a grid.
     *
     * @param logDensity rows * cols values, row-major, row 0 at the top
     * @param exact whether the bound was deterministic (one evaluation per cell), else the mean of
     *     {@link #DRAWS} draws
     */
    public record Result(double[] logDensity, boolean exact) {}

    private DensityGrid() {}

    /**
     * The bound at every cell centre of a rows x cols grid over the bounds.
     *
     * @param model a model of 2-D points
     * @param bounds xmin, xmax, ymin, ymax
     * @param rows grid rows
     * @param cols grid columns
     * @param step training steps taken, for the context
     * @return the values and whether they are exact; empty if the objective has no bound
     */
    public static Optional<Result> logDensity(AssembledModel model, double[] bounds, int rows, int cols, long step) {
        StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
        int side = (int) Math.sqrt(PROBE);
        float[] probe = centres(bounds, side, side);
        Optional<float[]> first = bound(model, context, probe, side * side, 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        float[] points = centres(bounds, rows, cols);
        float[] second = bound(model, context, probe, side * side, 2).orElseThrow();
        if (Arrays.equals(first.get(), second)) {
            return Optional.of(new Result(means(model, context, points, 1)[0], true));
        }
        double[] error = means(model, context, probe, DRAWS)[1];
        Arrays.sort(error);
        if (!(error[error.length / 2] < PRECISE)) {
            return Optional.empty();
        }
        return Optional.of(new Result(means(model, context, points, DRAWS)[0], false));
    }

    private static float[] centres(double[] bounds, int rows, int cols) {
        float[] points = new float[2 * rows * cols];
        double width = (bounds[1] - bounds[0]) / cols;
        double height = (bounds[3] - bounds[2]) / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                points[2 * (r * cols + c)] = (float) (bounds[0] + (c + 0.5) * width);
                points[2 * (r * cols + c) + 1] = (float) (bounds[3] - (r + 0.5) * height);
            }
        }
        return points;
    }

    /** The bound of each point, once, the engine seeded as given first. */
    private static Optional<float[]> bound(AssembledModel model, StepContext context, float[] xy, int n, int seed) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Engine.getInstance().setRandomSeed(seed);
            NDArray x = model.manager().create(xy, new Shape(n, 2));
            ObjectiveValue value = model.objective().evaluate(x, model.model(), context);
            return value.bound().map(NDArray::toFloatArray);
        }
    }

    /**
     * Each point's bound, the mean of {@code draws} evaluations, and the standard error of that
     * mean (0 for one draw), the copies of many points in one batch.
     */
    private static double[][] means(AssembledModel model, StepContext context, float[] points, int draws) {
        int cells = points.length / 2;
        double[] mean = new double[cells];
        double[] error = new double[cells];
        int perBatch = Math.max(1, BATCH / draws);
        for (int start = 0; start < cells; start += perBatch) {
            int size = Math.min(perBatch, cells - start);
            float[] copies = new float[2 * size * draws];
            for (int i = 0; i < size; i++) {
                for (int d = 0; d < draws; d++) {
                    copies[2 * (i * draws + d)] = points[2 * (start + i)];
                    copies[2 * (i * draws + d) + 1] = points[2 * (start + i) + 1];
                }
            }
            float[] values =
                    bound(model, context, copies, size * draws, SEED + start).orElseThrow();
            for (int i = 0; i < size; i++) {
                double sum = 0;
                double sumOfSquares = 0;
                for (int d = 0; d < draws; d++) {
                    double v = values[i * draws + d];
                    sum += v;
                    sumOfSquares += v * v;
                }
                double m = sum / draws;
                mean[start + i] = m;
                error[start + i] = draws > 1 ? Math.sqrt(Math.max(0, sumOfSquares / draws - m * m) / (draws - 1)) : 0;
            }
        }
        return new double[][] {mean, error};
    }
}
