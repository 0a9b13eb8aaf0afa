package dev.genzoo.runtime.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.Optional;

/**
 * A 2-D model's log-density on a regular grid of cell centres, read from the objective's
 * per-example bound (exact for a flow, a lower bound such as the ELBO otherwise), evaluated in
 * batches, each in its own scope. Row 0 is the top of the picture (the largest y).
 */
public final class DensityGrid {
    private static final int BATCH = 4096;

    private DensityGrid() {}

    /**
     * The bound at every cell centre of a rows x cols grid over the bounds.
     *
     * @param model a model of 2-D points
     * @param bounds xmin, xmax, ymin, ymax
     * @param rows grid rows
     * @param cols grid columns
     * @param step training steps taken, for the context
     * @return rows * cols values, row-major, row 0 at the top; empty if the objective has no bound
     */
    public static Optional<double[]> logDensity(AssembledModel model, double[] bounds, int rows, int cols, long step) {
        int cells = rows * cols;
        float[] points = new float[2 * cells];
        double width = (bounds[1] - bounds[0]) / cols;
        double height = (bounds[3] - bounds[2]) / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                points[2 * (r * cols + c)] = (float) (bounds[0] + (c + 0.5) * width);
                points[2 * (r * cols + c) + 1] = (float) (bounds[3] - (r + 0.5) * height);
            }
        }
        StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
        double[] out = new double[cells];
        for (int start = 0; start < cells; start += BATCH) {
            int size = Math.min(BATCH, cells - start);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] chunk = new float[2 * size];
                System.arraycopy(points, 2 * start, chunk, 0, 2 * size);
                NDArray x = model.manager().create(chunk, new Shape(size, 2));
                ObjectiveValue value = model.objective().evaluate(x, model.model(), context);
                if (value.bound().isEmpty()) {
                    return Optional.empty();
                }
                float[] bound = value.bound().get().toFloatArray();
                for (int i = 0; i < size; i++) {
                    out[start + i] = bound[i];
                }
            }
        }
        return Optional.of(out);
    }
}
