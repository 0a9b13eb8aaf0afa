package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.data.Batch;
import dev.genzoo.runtime.data.Examples;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.files.NpyFile;
import dev.genzoo.runtime.files.NpzFile;
import dev.genzoo.runtime.latent.Interpolation;
import dev.genzoo.runtime.latent.LatentCodes;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.pictures.LatentPictures;
import dev.genzoo.runtime.pictures.Pictures;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A trained run's latent space (see {@link LatentCodes}): the codes of a split as NumPy, with the
 * labels where the data have them; the decoded path between two test examples; one row per latent
 * dimension walked. A file whose name ends in {@code .npy} gets the decoded examples as NumPy, any
 * other a PNG.
 */
public final class LatentSpace {
    /** Examples encoded per pass. */
    static final int CHUNK = 500;

    private final SavedRuns saved;

    @Inject
    LatentSpace(SavedRuns saved) {
        this.saved = saved;
    }

    /**
     * Writes the codes of a split as {@code .npz}: {@code z} [N, latent...] (posterior means, VQ's
     * z_e, a flow's z, a diffusion's DDIM-inverted x_T), {@code indices} [N, h, w] for a VQ
     * encoder, {@code labels} [N] when the data have them.
     *
     * @param runDir the run
     * @param train whether to encode the training split rather than the test split
     * @param ddimSteps the DDIM steps of a diffusion's inversion
     * @param out the .npz file
     * @return the file written
     */
    public Path encode(Path runDir, boolean train, int ddimSteps, Path out) {
        RunDirectory run = RunDirectory.existing(runDir);
        AtomicFiles.checkFolder(out);
        return saved.use(run.checkpoint(), 0, (model, data, state, config) -> {
            Examples split = train ? data.trainExamples(model.manager()) : data.test();
            long n = split.size();
            List<float[]> codes = new ArrayList<>();
            List<float[]> indices = new ArrayList<>();
            int[] labels = new int[(int) n];
            boolean labelled = false;
            Shape latent = null;
            Shape grid = null;
            LatentCodes latentCodes = codes(model, data.exampleShape(), ddimSteps, state.step());
            for (long from = 0; from < n; from += CHUNK) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    Batch batch = split.batch(from, Math.min(n, from + CHUNK));
                    NDArray x = batch.x();
                    if (batch.labels().isPresent()) {
                        labelled = true;
                        long[] chunk = batch.labels().get().toLongArray();
                        for (int i = 0; i < chunk.length; i++) {
                            labels[(int) from + i] = (int) chunk[i];
                        }
                    }
                    LatentCodes chunkCodes = latentCodes.in(model.forBatch(latentCodes.context(), batch));
                    NDArray z = chunkCodes.code(x);
                    latent = z.getShape().slice(1);
                    codes.add(z.toFloatArray());
                    Optional<NDArray> idx = chunkCodes.indices(x);
                    if (idx.isPresent()) {
                        grid = idx.get().getShape().slice(1);
                        indices.add(idx.get()
                                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                                .toFloatArray());
                    }
                }
            }
            NpzFile npz = new NpzFile()
                    .put("z", concat(codes), new Shape(n).addAll(latent).getShape());
            if (grid != null) {
                float[] all = concat(indices);
                int[] whole = new int[all.length];
                for (int i = 0; i < all.length; i++) {
                    whole[i] = Math.round(all[i]);
                }
                npz.put("indices", whole, new Shape(n).addAll(grid).getShape());
            }
            if (labelled) {
                npz.put("labels", labels, labels.length);
            }
            npz.write(out);
            return out;
        });
    }

    /**
     * Decodes the path between the codes of two test examples (see {@link Interpolation#path}):
     * the two inputs, then the decoded path between them, as a PNG row or as NumPy [steps, data...]
     * (the decoded path alone).
     *
     * @param runDir the run
     * @param first the index of the first test example
     * @param second the index of the second
     * @param steps points on the path, the ends included
     * @param spherical whether to follow the great circle
     * @param ddimSteps the DDIM steps of a diffusion's inversion and sampling
     * @param label for a conditional model, the class the path is decoded as (null: the first
     *     example's); each example is encoded with its own label
     * @param out the PNG or .npy
     * @return the file written
     */
    public Path interpolate(
            Path runDir, int first, int second, int steps, boolean spherical, int ddimSteps, Integer label, Path out) {
        if (steps < 2) {
            throw new GenzooException("an interpolation needs at least 2 steps, got " + steps);
        }
        RunDirectory run = RunDirectory.existing(runDir);
        AtomicFiles.checkFolder(out);
        return saved.use(run.checkpoint(), 0, (model, data, state, config) -> {
            long n = data.test().size();
            for (int i : new int[] {first, second}) {
                if (i < 0 || i >= n) {
                    throw new GenzooException(
                            "--between takes test examples 0 to " + (n - 1) + "; " + i + " is not one");
                }
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Shape example = data.exampleShape();
                LatentCodes latentCodes = codes(model, example, ddimSteps, state.step());
                Batch one = data.test().batch(first, first + 1);
                Batch two = data.test().batch(second, second + 1);
                Batch pair = new Batch(
                        one.x().concat(two.x()),
                        one.labels().map(l -> l.concat(two.labels().orElseThrow())));
                NDArray x = pair.x();
                NDArray z = latentCodes
                        .in(model.forBatch(latentCodes.context(), pair))
                        .code(x);
                Shape latent = z.getShape().slice(1);
                float[] both = z.toFloatArray();
                int d = (int) latent.size();
                float[] path = Interpolation.path(
                        Arrays.copyOfRange(both, 0, d), Arrays.copyOfRange(both, d, 2 * d), steps, spherical);
                int decodedAs = decodedClass(model, label, one);
                NDArray decoded = latentCodes
                        .in(decodedAs(model, latentCodes.context(), decodedAs, steps))
                        .decode(model.manager().create(path, new Shape(steps).addAll(latent)));
                float[] values = decoded.toFloatArray();
                if (isNumpy(out)) {
                    NpyFile.write(out, values, new Shape(steps).addAll(example).getShape());
                    return out;
                }
                float[] inputs = x.toFloatArray();
                int size = (int) example.size();
                float[] row = new float[(steps + 2) * size];
                System.arraycopy(inputs, 0, row, 0, size);
                System.arraycopy(values, 0, row, size, values.length);
                System.arraycopy(inputs, size, row, (steps + 1) * size, size);
                List<String> captions = new ArrayList<>();
                captions.add("x" + first);
                for (int i = 0; i < steps; i++) {
                    captions.add(String.format(Locale.ROOT, "%.2f", i / (double) (steps - 1)));
                }
                captions.add("x" + second);
                String header = (spherical ? "spherical" : "linear") + " interpolation in " + space(latentCodes)
                        + " between test examples " + first + " and " + second
                        + (decodedAs >= 0 ? ", decoded as class " + decodedAs : "");
                float[] shown = example.dimension() == 1 ? values : row;
                LatentPictures.rows(
                        out, header, example, shown, steps + 2, captions, data.testHead(Pictures.REFERENCE));
                return out;
            }
        });
    }

    /**
     * Walks latent dimensions one at a time from the code of a test example: a row per dimension,
     * the dimension set to evenly spaced values over [-range, range].
     *
     * @param runDir the run
     * @param dims the dimensions (of the flattened latent)
     * @param range the half-width of the walk
     * @param steps values per dimension
     * @param example the test example walked from
     * @param label for a conditional model, the class decoded (null: the example's own)
     * @param out the PNG or .npy ([dims, steps, data...])
     * @return the file written
     */
    public Path traverse(Path runDir, int[] dims, double range, int steps, int example, Integer label, Path out) {
        if (steps < 2) {
            throw new GenzooException("a traversal needs at least 2 steps, got " + steps);
        }
        if (!(range > 0)) {
            throw new GenzooException("--range must be positive, got " + range);
        }
        RunDirectory run = RunDirectory.existing(runDir);
        AtomicFiles.checkFolder(out);
        return saved.use(run.checkpoint(), 0, (model, data, state, config) -> {
            long n = data.test().size();
            if (example < 0 || example >= n) {
                throw new GenzooException(
                        "--example takes test examples 0 to " + (n - 1) + "; " + example + " is not one");
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Shape shape = data.exampleShape();
                LatentCodes latentCodes = codes(model, shape, 1, state.step());
                if (latentCodes.diffusion() || latentCodes.quantized()) {
                    throw new GenzooException("a traversal walks one dimension of a continuous latent; this model's"
                            + " code is " + space(latentCodes) + ", whose single dimensions mean nothing alone");
                }
                Batch start = data.test().batch(example, example + 1);
                NDArray z = latentCodes
                        .in(model.forBatch(latentCodes.context(), start))
                        .code(start.x());
                Shape latent = z.getShape().slice(1);
                for (int dim : dims) {
                    if (dim < 0 || dim >= latent.size()) {
                        throw new GenzooException("--dims takes latent dimensions 0 to " + (latent.size() - 1) + "; "
                                + dim + " is not one");
                    }
                }
                float[] codes = Interpolation.traversal(z.toFloatArray(), dims, steps, range);
                int count = dims.length * steps;
                int decodedAs = decodedClass(model, label, start);
                float[] values = latentCodes
                        .in(decodedAs(model, latentCodes.context(), decodedAs, count))
                        .decode(model.manager().create(codes, new Shape(count).addAll(latent)))
                        .toFloatArray();
                if (isNumpy(out)) {
                    NpyFile.write(
                            out,
                            values,
                            new Shape(dims.length, steps).addAll(shape).getShape());
                    return out;
                }
                List<String> captions = new ArrayList<>();
                for (int i = 0; i < steps; i++) {
                    captions.add(String.format(Locale.ROOT, "%+.1f", -range + 2 * range * i / (steps - 1)));
                }
                String header = "latent dimensions " + Arrays.toString(dims) + " walked one per row from test example "
                        + example + (decodedAs >= 0 ? ", decoded as class " + decodedAs : "");
                LatentPictures.rows(out, header, shape, values, steps, captions, data.testHead(Pictures.REFERENCE));
                return out;
            }
        });
    }

    /**
     * The class a conditional model decodes a path as: the one asked for, else the first example's
     * label; -1 for an unconditional model, which refuses a class.
     */
    private static int decodedClass(AssembledModel model, Integer asked, Batch first) {
        int chosen = Sampling.askedClass(model, asked);
        if (chosen != Pictures.ALL_CLASSES || model.classes() == 0) {
            return chosen;
        }
        return (int) first.labels()
                .orElseThrow(() -> new GenzooException("this model is conditioned on labels, and the data has none"))
                .toLongArray()[0];
    }

    /** A pass whose n rows are all of one class (unchanged for an unconditional model). */
    private static StepContext decodedAs(AssembledModel model, StepContext context, int label, int n) {
        if (label < 0) {
            return context;
        }
        long[] labels = new long[n];
        Arrays.fill(labels, label);
        return model.withLabels(context, model.manager().create(labels));
    }

    private static LatentCodes codes(AssembledModel model, Shape example, int ddimSteps, long step) {
        StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
        return LatentCodes.of(model, example, ddimSteps, context);
    }

    private static String space(LatentCodes codes) {
        if (codes.diffusion()) {
            return "x_T (DDIM inversion)";
        }
        return codes.quantized() ? "z_e, then quantized" : "z";
    }

    /** Whether a file is to be written as NumPy rather than as a picture. */
    static boolean isNumpy(Path out) {
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    private static float[] concat(List<float[]> parts) {
        int total = 0;
        for (float[] p : parts) {
            total += p.length;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
