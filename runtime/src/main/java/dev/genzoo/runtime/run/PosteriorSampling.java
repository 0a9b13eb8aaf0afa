package dev.genzoo.runtime.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.runtime.files.NpyFile;
import dev.genzoo.runtime.image.PosteriorPlot;
import dev.genzoo.runtime.mcmc.ChainDiagnostics;
import dev.genzoo.runtime.mcmc.HamiltonianMonteCarlo;
import dev.genzoo.runtime.mcmc.MarkovChains;
import dev.genzoo.runtime.mcmc.MetropolisHastings;
import dev.genzoo.runtime.mcmc.PosteriorTarget;
import dev.genzoo.runtime.mcmc.Transition;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Markov chains on the posterior p(z|x) of one test example under a run's checkpoint ({@link
 * MarkovChains} with the {@link PosteriorTarget}), started from prior draws, which are overdispersed
 * against the posterior, as R-hat wants; the samples written as .npy, and for a 2-D latent a picture
 * of the unnormalised true posterior on a grid, q(z|x)'s contours and the samples ({@link
 * PosteriorPlot}).
 */
final class PosteriorSampling {
    /** The step size both kernels' warm-ups start from. */
    static final double INITIAL_STEP_SIZE = 0.1;
    /** Grid cells per side of the picture. */
    static final int GRID = 120;
    /** q's contours: a Gaussian's 1, 2 and 3 standard deviations, as drops of log q below its maximum. */
    private static final double[] CONTOURS = {0.5, 2, 4.5};
    /** Samples drawn on the picture at most. */
    private static final int PLOTTED = 3000;

    private final SavedRuns saved;

    @Inject
    PosteriorSampling(SavedRuns saved) {
        this.saved = saved;
    }

    PosteriorOutcome sample(Path runDir, PosteriorRequest request) {
        RunDirectory run = RunDirectory.existing(runDir);
        return saved.use(run.checkpoint(), request.seed(), (model, data, state, config) -> {
            GenerativeModel parts = model.model();
            Shape latent = parts.encoder().latentShape();
            if (parts.encoder().kind() != EncoderKind.DENSITY || latent.dimension() != 1) {
                throw new GenzooException(
                        "posterior sampling runs on a latent vector z under a density p(x|z) p(z), and"
                                + " this run's encoder outputs "
                                + parts.encoder().kind().description()
                                + " with latents of shape " + latent);
            }
            long available = data.test().size();
            if (request.example() >= available) {
                throw new GenzooException("--example " + request.example() + " is past the test split's " + available
                        + " examples (0 to " + (available - 1) + ")");
            }
            Path out = request.out() != null
                    ? request.out()
                    : run.root().resolve("posterior-" + request.example() + "-" + request.sampler() + ".npy");
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = data.test()
                        .batch(request.example(), request.example() + 1)
                        .x();
                StepContext context = StepContext.evaluation(state.step(), model.manager(), model.parameterStore());
                PosteriorTarget target = new PosteriorTarget(parts, x, context);
                NDArray start = parts.prior().distribution(context).sample(new Shape(request.chains(), 1));
                Transition kernel = request.sampler().equals(PosteriorRequest.HAMILTONIAN)
                        ? new HamiltonianMonteCarlo(request.leapfrog())
                        : new MetropolisHastings();
                MarkovChains.Result result = MarkovChains.run(
                        target,
                        kernel,
                        start,
                        INITIAL_STEP_SIZE,
                        request.warmup(),
                        request.steps(),
                        request.progress());
                NpyFile.write(out, chainMajor(result), result.chains(), result.draws(), result.latent());
                Path picture = null;
                if (result.latent() == 2) {
                    picture = out.resolveSibling(stem(out) + ".png");
                    draw(picture, result, target, parts, x, context);
                }
                return outcome(out, picture, result);
            }
        });
    }

    /** [draws, chains, latent] to [chains, draws, latent]. */
    private static float[] chainMajor(MarkovChains.Result result) {
        int c = result.chains();
        int t = result.draws();
        int l = result.latent();
        float[] out = new float[result.samples().length];
        for (int draw = 0; draw < t; draw++) {
            for (int chain = 0; chain < c; chain++) {
                System.arraycopy(result.samples(), (draw * c + chain) * l, out, (chain * t + draw) * l, l);
            }
        }
        return out;
    }

    private static PosteriorOutcome outcome(Path out, Path picture, MarkovChains.Result result) {
        List<Double> ess = new ArrayList<>();
        List<Double> rhats = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        for (int u = 0; u < result.latent(); u++) {
            double[][] chains = result.unit(u);
            ess.add(ChainDiagnostics.effectiveSampleSize(chains));
            rhats.add(ChainDiagnostics.splitRhat(chains));
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (double[] chain : chains) {
                for (double v : chain) {
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            double mean = sum / n;
            means.add(mean);
            sds.add(Math.sqrt(Math.max(0, squares / n - mean * mean)));
        }
        return new PosteriorOutcome(out, picture, result.acceptanceRate(), result.stepSize(), ess, rhats, means, sds);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }

    /** The true posterior on a grid over the samples and q's 3-sigma region, q's contours, the samples. */
    private static void draw(
            Path picture,
            MarkovChains.Result result,
            PosteriorTarget target,
            GenerativeModel parts,
            NDArray x,
            StepContext context) {
        Distribution q = ((Encoding.Density) parts.encoder().encode(x, context)).posterior();
        float[] qMean = q.mean().toFloatArray();
        float[] qDraws = q.sample(new Shape(2000)).toFloatArray();
        double[] bounds = {
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        extend(bounds, result.samples());
        extend(bounds, qDraws);
        extend(bounds, qMean);
        double padX = 0.1 * (bounds[1] - bounds[0]) + 1e-3;
        double padY = 0.1 * (bounds[3] - bounds[2]) + 1e-3;
        bounds = new double[] {bounds[0] - padX, bounds[1] + padX, bounds[2] - padY, bounds[3] + padY};
        float[] grid = new float[2 * GRID * GRID];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                grid[2 * (r * GRID + c)] = (float) (bounds[0] + (c + 0.5) * (bounds[1] - bounds[0]) / GRID);
                grid[2 * (r * GRID + c) + 1] = (float) (bounds[3] - (r + 0.5) * (bounds[3] - bounds[2]) / GRID);
            }
        }
        NDArray points = x.getManager().create(grid, new Shape((long) GRID * GRID, 1, 2));
        double[] logPosterior = toDoubles(target.at(points).toFloatArray());
        double[] logQ = toDoubles(q.logProb(points).toFloatArray());
        int stride = Math.max(1, result.samples().length / 2 / PLOTTED);
        float[] shown = new float[2 * (result.samples().length / 2 / stride)];
        for (int i = 0; i < shown.length / 2; i++) {
            shown[2 * i] = result.samples()[2 * i * stride];
            shown[2 * i + 1] = result.samples()[2 * i * stride + 1];
        }
        PosteriorPlot.write(picture, logPosterior, logQ, CONTOURS, shown, bounds, GRID, GRID, 4);
    }

    private static void extend(double[] bounds, float[] xy) {
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (Float.isFinite(xy[i]) && Float.isFinite(xy[i + 1])) {
                bounds[0] = Math.min(bounds[0], xy[i]);
                bounds[1] = Math.max(bounds[1], xy[i]);
                bounds[2] = Math.min(bounds[2], xy[i + 1]);
                bounds[3] = Math.max(bounds[3], xy[i + 1]);
            }
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
