package dev.genzoo.runtime.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.SamplingProgress;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.image.ImageGrid;
import dev.genzoo.runtime.image.LineChart;
import dev.genzoo.runtime.image.PointFigure;
import dev.genzoo.runtime.model.AssembledModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pictures of a run: samples from the prior or a sampler, the frames of a sampling chain, inputs
 * beside their reconstructions (images as grids, 2-D points as scatter plots over the data), for
 * 2-D points the model's density as a heat map, and the loss curves.
 */
public final class Pictures {
    /** Samples drawn into samples.png at the end of training. */
    public static final int SAMPLES = 64;
    /** Samples drawn into samples.png at the end of training on 2-D points, enough to see a density. */
    public static final int POINT_SAMPLES = 1000;
    /** Test examples shown in reconstructions.png at the end of training. */
    public static final int RECONSTRUCTIONS = 32;
    /** Examples (rows) in the strip of a chain's intermediate images. */
    public static final int STRIP_ROWS = 8;

    /** Cells per side of the density heat map of an exact density. */
    public static final int DENSITY_CELLS = 160;
    /** Pixels per cell of the density heat map of an exact density. */
    public static final int DENSITY_SCALE = 3;

    /** How many held-out examples the pictures are drawn beside and framed on. */
    public static final int REFERENCE = 2000;

    private static final int SCATTER_SIZE = 480;
    private static final int STRIP_PANEL = 240;
    private static final String TEST_POINTS = "test points";

    private Pictures() {}

    /** Whether examples of this shape can be drawn: images (C, H, W) with 1 or 3 channels, or 2-D points. */
    public static boolean drawable(Shape example) {
        return isImage(example) || isPoint(example);
    }

    private static boolean isImage(Shape example) {
        return example.dimension() == 3 && (example.get(0) == 1 || example.get(0) == 3);
    }

    private static boolean isPoint(Shape example) {
        return example.dimension() == 1 && example.get(0) == 2;
    }

    /** Writes n samples to {@code file}; returns false if the data cannot be drawn. */
    public static boolean samples(AssembledModel model, Shape example, int n, NDArray reference, long step, Path file) {
        return samples(model, null, SamplingProgress.NONE, example, n, reference, step, file);
    }

    /**
     * Writes n samples drawn by a sampler (or by prior and decoder when it is null) to {@code file};
     * returns false if the data cannot be drawn.
     */
    public static boolean samples(
            AssembledModel model,
            Sampler sampler,
            SamplingProgress progress,
            Shape example,
            int n,
            NDArray reference,
            long step,
            Path file) {
        return samples(model, sampler, progress, example, n, ALL_CLASSES, reference, step, file);
    }

    /** For a conditional model: samples of every class, a row each, rather than of one. */
    public static final int ALL_CLASSES = -1;

    /**
     * The labels of a conditional model's samples: all {@code label}, or with {@link #ALL_CLASSES}
     * a row of n / classes (at least 1) per class.
     *
     * @param classes the model's classes
     * @param n the samples asked for
     * @param label a class, or {@link #ALL_CLASSES}
     * @return one label per sample drawn
     */
    public static long[] sampleLabels(int classes, int n, int label) {
        if (label >= 0) {
            long[] same = new long[n];
            Arrays.fill(same, label);
            return same;
        }
        int perClass = Math.max(1, n / classes);
        long[] rows = new long[perClass * classes];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i / perClass;
        }
        return rows;
    }

    /**
     * Writes samples to {@code file}, those of a conditional model of one class or (with {@link
     * #ALL_CLASSES}) a row per class; returns false if the data cannot be drawn.
     */
    public static boolean samples(
            AssembledModel model,
            Sampler sampler,
            SamplingProgress progress,
            Shape example,
            int asked,
            int label,
            NDArray reference,
            long step,
            Path file) {
        if (!drawable(example)) {
            return false;
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore())
                    .withProgress(progress);
            int n = asked;
            int rowLength = (int) Math.ceil(Math.sqrt(n));
            if (model.classes() > 0) {
                long[] labels = sampleLabels(model.classes(), asked, label);
                n = labels.length;
                rowLength = label >= 0 ? rowLength : n / model.classes();
                context = model.withLabels(context, model.manager().create(labels));
            }
            float[] drawn =
                    Generation.sample(model.model(), sampler, n, context).toFloatArray();
            if (isImage(example)) {
                int columns = rowLength;
                ImageGrid.write(
                        file, drawn, n, (int) example.get(0), (int) example.get(1), (int) example.get(2), columns);
            } else {
                float[] data = firstPoints(reference);
                PointFigure.scatter(
                        file,
                        String.format(Locale.ROOT, "%,d samples and %,d test points", n, data.length / 2),
                        List.of(new PointFigure.Points(TEST_POINTS, data), new PointFigure.Points("samples", drawn)),
                        bounds(data),
                        SCATTER_SIZE);
            }
            return true;
        }
    }

    /**
     * Draws n examples by a sampler (or by prior and decoder when it is null), for a file of numbers
     * rather than a picture; a conditional model's of one class or a row per class.
     *
     * @return the examples, [n, data...] flattened (n / classes per class for a row per class)
     */
    public static float[] draw(
            AssembledModel model, Sampler sampler, SamplingProgress progress, int n, int label, long step) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore())
                    .withProgress(progress);
            if (model.classes() > 0) {
                long[] labels = sampleLabels(model.classes(), n, label);
                n = labels.length;
                context = model.withLabels(context, model.manager().create(labels));
            }
            return Generation.sample(model.model(), sampler, n, context).toFloatArray();
        }
    }

    /**
     * Writes the frames of a sampling chain as one strip: for images, one row per example and one
     * column per frame; for 2-D points, one scatter plot per frame over the data.
     */
    public static void strip(ChainStrip strip, Shape example, NDArray reference, Path file) {
        List<float[]> frames = strip.frames();
        List<String> captions = new ArrayList<>();
        for (int t : strip.times()) {
            captions.add("t = " + t);
        }
        String title = "the sampling chain from x_T (noise) to x_0, t in the sampler's "
                + strip.times().get(0) + " steps";
        if (isImage(example)) {
            int rows = strip.examples();
            int size = (int) example.size();
            float[] cells = new float[rows * frames.size() * size];
            for (int r = 0; r < rows; r++) {
                for (int f = 0; f < frames.size(); f++) {
                    System.arraycopy(frames.get(f), r * size, cells, (r * frames.size() + f) * size, size);
                }
            }
            ImageGrid.write(
                    file,
                    cells,
                    rows * frames.size(),
                    (int) example.get(0),
                    (int) example.get(1),
                    (int) example.get(2),
                    frames.size(),
                    new ImageGrid.Labels(title + "; a row per example", captions, true));
        } else {
            float[] data = firstPoints(reference);
            float[] both = Arrays.copyOf(data, data.length + frames.get(0).length);
            System.arraycopy(frames.get(0), 0, both, data.length, frames.get(0).length);
            List<PointFigure.Points> states = new ArrayList<>();
            for (float[] frame : frames) {
                states.add(new PointFigure.Points("chain", frame));
            }
            PointFigure.strip(
                    file,
                    title,
                    new PointFigure.Points(TEST_POINTS, data),
                    states,
                    captions,
                    bounds(both),
                    STRIP_PANEL);
        }
    }

    /**
     * Writes the first n examples beside their reconstructions, with a header saying which column
     * is which; where the model saw binarized data, the data as they were before binarization
     * come first, then the binary targets. False if not possible.
     *
     * @param model the model
     * @param example one example's shape
     * @param data the examples as the model sees them, [N, data...]
     * @param original the same examples before binarization (the same array when not binarized)
     * @param n how many
     * @param step training steps taken, for the context
     * @param file the PNG
     * @return whether the picture was written
     */
    public static boolean reconstructions(
            AssembledModel model, Shape example, NDArray data, NDArray original, int n, long step, Path file) {
        return reconstructions(model, example, data, null, original, n, step, file);
    }

    /**
     * As {@link #reconstructions(AssembledModel, Shape, NDArray, NDArray, int, long, Path)}, a
     * conditional model's with each example's label as its condition.
     *
     * @param labels [N] int64 labels of the data, or null for an unconditional model
     * @return whether the picture was written
     */
    public static boolean reconstructions(
            AssembledModel model,
            Shape example,
            NDArray data,
            NDArray labels,
            NDArray original,
            int n,
            long step,
            Path file) {
        if (!isImage(example)) {
            return false;
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            int count = (int) Math.min(n, data.getShape().get(0));
            NDArray inputs = data.get(new NDIndex().addSliceDim(0, count));
            StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
            if (labels != null) {
                context = model.withLabels(context, labels.get(new NDIndex().addSliceDim(0, count)));
            }
            Optional<NDArray> rebuilt = Generation.reconstruct(model.model(), inputs, context);
            if (rebuilt.isEmpty()) {
                return false;
            }
            List<float[]> members = new ArrayList<>();
            ImageGrid.Labels words;
            if (original != data) {
                members.add(original.get(new NDIndex().addSliceDim(0, count)).toFloatArray());
                words = new ImageGrid.Labels(
                        "each test example: its grey levels, the binary target the model was scored on, and the"
                                + " mean of p(x|z) at its code",
                        List.of("data", "target", "model"),
                        false);
            } else {
                words = new ImageGrid.Labels(
                        "each test example beside the mean of p(x|z) at its code", List.of("data", "model"), false);
            }
            members.add(inputs.toFloatArray());
            members.add(rebuilt.get().toFloatArray());
            ImageGrid.writeGroups(
                    file, members, count, (int) example.get(0), (int) example.get(1), (int) example.get(2), 8, words);
            return true;
        }
    }

    /**
     * The pictures at the end of a training stage: samples, and reconstructions and the density of
     * 2-D data where a path is given and the model has them.
     *
     * @param model the trained model
     * @param data its data
     * @param step the steps it was trained for
     * @param samples where samples go
     * @param reconstructions where reconstructions go, or null for none
     * @param density where the density of 2-D data goes, or null for none
     */
    public static void finish(
            AssembledModel model, DeviceData data, long step, Path samples, Path reconstructions, Path density) {
        int count = isPoint(data.exampleShape()) ? POINT_SAMPLES : SAMPLES;
        samples(model, data.exampleShape(), count, data.testHead(REFERENCE), step, samples);
        if (reconstructions != null) {
            reconstructions(model, data, RECONSTRUCTIONS, step, reconstructions);
        }
        if (density != null) {
            density(model, data.exampleShape(), data.testHead(REFERENCE), step, density);
        }
    }

    /**
     * Writes exp(bound) on a grid over the region the samples picture shows, with a colour bar: the
     * model's density for a flow, a lower bound on it, averaged over draws, otherwise (see {@link
     * DensityGrid}); returns false if the data are not 2-D points, or the objective has no bound
     * or none precise enough to draw (a diffusion's).
     */
    static boolean density(AssembledModel model, Shape example, NDArray reference, long step, Path file) {
        if (!isPoint(example)) {
            return false;
        }
        double[] bounds = bounds(firstPoints(reference));
        Optional<DensityGrid.Result> found = DensityGrid.logDensity(model, bounds, DENSITY_CELLS, DENSITY_CELLS, step);
        if (found.isEmpty()) {
            return false;
        }
        DensityGrid.Result grid = found.get();
        double[] density = grid.logDensity();
        for (int i = 0; i < density.length; i++) {
            density[i] = Math.exp(density[i]);
        }
        String title = grid.exact()
                ? "the model's density p(x)"
                : "exp of the bound on log p(x), its mean over " + DensityGrid.DRAWS + " draws";
        PointFigure.density(
                file, title, grid.exact() ? "p(x)" : "exp(bound)", density, DENSITY_CELLS, bounds, DENSITY_SCALE);
        return true;
    }

    /**
     * Writes the first test examples beside their reconstructions, with each example's label as a
     * conditional model's condition, and the intensities beside the binary targets of binarized
     * data.
     *
     * @param model the trained model
     * @param data its data
     * @param n examples to show
     * @param step the steps it was trained for
     * @param file where the picture goes
     * @return whether the picture was written (see {@link #reconstructions(AssembledModel, Shape,
     *     NDArray, NDArray, NDArray, int, long, Path)})
     */
    public static boolean reconstructions(AssembledModel model, DeviceData data, int n, long step, Path file) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray head = data.testHead(n);
            NDArray original = data.original() == data.test() ? head : data.originalHead(n);
            NDArray labels = model.classes() > 0 ? data.testLabelsHead(n).orElseThrow() : null;
            return reconstructions(model, data.exampleShape(), head, labels, original, n, step, file);
        }
    }

    /** The first 2,000 points of a split, the reference the 2-D pictures are framed on. */
    static float[] firstPoints(NDArray reference) {
        return reference
                .get(new NDIndex().addSliceDim(0, Math.min(reference.getShape().get(0), REFERENCE)))
                .toFloatArray();
    }

    /**
     * Writes train and test loss per epoch, the epochs as whole ticks. The loss is labelled in
     * nats per example when it is minus the bound up to a constant (the ELBO, an importance
     * weighted bound, a flow's log-likelihood, with a dequantized cell's log-volume), else in the
     * objective's own units.
     *
     * @param epochs the epochs
     * @param train the training loss of each
     * @param test the held-out loss of each
     * @param bound the held-out bound of each, NaN where there is none
     * @param file the PNG
     */
    public static void lossCurve(double[] epochs, double[] train, double[] test, double[] bound, Path file) {
        LineChart.builder("loss per epoch")
                .xLabel("epoch")
                .yLabel(lossLabel(test, bound))
                .wholeX()
                .series("train", epochs, train)
                .series("test", epochs, test)
                .build()
                .write(file);
    }

    /** "loss (nats per example)" when the loss is minus the bound up to a constant, else the objective's own units. */
    static String lossLabel(double[] test, double[] bound) {
        boolean nats = test.length > 0;
        for (int i = 0; i < test.length; i++) {
            double offset = test[i] + bound[i];
            double first = test[0] + bound[0];
            nats &= Double.isFinite(offset) && Math.abs(offset - first) <= 1e-4 * (1 + Math.abs(test[i]));
        }
        return nats ? "loss (nats per example)" : "loss (the objective's own units, per example)";
    }

    /** A square region around the points, with a margin: xmin, xmax, ymin, ymax. */
    static double[] bounds(float[] points) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < points.length; i += 2) {
            minX = Math.min(minX, points[i]);
            maxX = Math.max(maxX, points[i]);
            minY = Math.min(minY, points[i + 1]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        double padX = 0.15 * (maxX - minX) + 1e-3;
        double padY = 0.15 * (maxY - minY) + 1e-3;
        double half = Math.max(maxX - minX + 2 * padX, maxY - minY + 2 * padY) / 2;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }
}
