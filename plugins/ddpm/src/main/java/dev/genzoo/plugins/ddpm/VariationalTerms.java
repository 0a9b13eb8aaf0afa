package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.Normal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The variational bound of a diffusion, -log p(x_0) <= L_T + sum_{t=2}^T L_{t-1} + L_0 (Ho et al.
 * 2020, equation 5), estimated per example in nats: L_T = KL(q(x_T | x_0) || p(x_T)) exactly, and
 * the sum over t from K steps per example. With K = 1, t is uniform on 1..T and the sum is T
 * times its term; with K >= 2, t = 1 (the decoder L_0) is always taken and K - 1 strata of 2..T
 * contribute one uniform draw each, weighted by the stratum's size, so K = T gives the exact sum.
 * Every estimate is unbiased.
 */
final class VariationalTerms {
    /** The most rows (steps drawn times examples) one evaluation pass sends through the denoiser. */
    static final long CHUNK_ROWS = 32_768;
    /**
     * The most values (rows times an example's size) one evaluation pass sends through the
     * denoiser: 8 MB of input, whose activations in a U-Net are some tens of times that. Without
     * it 10 steps of 379 colour 32x32 images went through a U-Net at once and took 24 GB.
     */
    static final long CHUNK_VALUES = 1L << 21;

    private final NDArray prior;
    private final NDArray denoising;
    private final NDArray decoder;
    private final NDArray squaredError;

    private VariationalTerms(NDArray prior, NDArray denoising, NDArray decoder, NDArray squaredError) {
        this.prior = prior;
        this.denoising = denoising;
        this.decoder = decoder;
        this.squaredError = squaredError;
    }

    /** L_T per example, [B]. */
    NDArray prior() {
        return prior;
    }

    /** The estimate of sum_{t=2}^T L_{t-1} per example, [B]. */
    NDArray denoising() {
        return denoising;
    }

    /** The estimate of L_0 = -log p(x_0 | x_1) per example, [B]. */
    NDArray decoder() {
        return decoder;
    }

    /** The whole bound's negative, -ELBO, per example in nats, [B]. */
    NDArray total() {
        return prior.add(denoising).add(decoder);
    }

    /**
     * ||eps - eps_theta(x_t, t)||^2 / D, each step weighted by its stratum's share of 1..T: an
     * estimate of the simplified loss with t uniform, as in training.
     */
    NDArray meanSquaredError() {
        return squaredError;
    }

    /**
     * Estimates the terms on a batch. Every step drawn is one row through the denoiser; in
     * evaluation the rows go through in chunks of at most {@value #CHUNK_ROWS}, each in its own
     * scope, so that {@code strata = T} stays within memory.
     *
     * @param x the batch, [B, data...]
     * @param model a model whose encoder is a {@link GaussianDiffusion} and decoder a {@link Denoiser}
     * @param context the pass
     * @param strata K, in 1..T
     * @return the terms
     */
    static VariationalTerms estimate(NDArray x, GenerativeModel model, StepContext context, int strata) {
        GaussianDiffusion diffusion = (GaussianDiffusion) model.encoder();
        GaussianForwardProcess process =
                (GaussianForwardProcess) ((Encoding.Process) diffusion.encode(x, context)).process();
        NDManager manager = context.manager();
        int steps = process.steps();
        int k = Math.min(strata, steps);
        long batch = x.getShape().get(0);

        float[] low = new float[k];
        float[] size = new float[k];
        low[0] = 1;
        size[0] = k == 1 ? steps : 1;
        for (int i = 1; i < k; i++) {
            long from = 2 + (long) (i - 1) * (steps - 1) / (k - 1);
            low[i] = from;
            size[i] = 1 + (long) i * (steps - 1) / (k - 1) - from + 1;
        }
        int perChunk = context.training() ? k : stepsPerChunk(k, batch, exampleSize(x));
        NDArray[] sums = null;
        for (int first = 0; first < k; first += perChunk) {
            int count = Math.min(perChunk, k - first);
            float[] chunkLow = Arrays.copyOfRange(low, first, first + count);
            float[] chunkSize = Arrays.copyOfRange(size, first, first + count);
            if (count == k) {
                sums = rows(diffusion, model, context, process, chunkLow, chunkSize);
                break;
            }
            NDArray[] part;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                part = rows(diffusion, model, context, process, chunkLow, chunkSize);
                NDScope.unregister(part);
            }
            if (sums == null) {
                sums = part;
                for (NDArray sum : sums) {
                    NDScope.register(sum);
                }
            } else {
                // the three weighted sums add up over chunks; the fourth, per-step means, is per chunk
                for (int i = 0; i < sums.length; i++) {
                    if (i < 3) {
                        sums[i] = sums[i].add(part[i]);
                    }
                    part[i].close();
                }
            }
        }
        return new VariationalTerms(
                priorTerm(process, model.prior().distribution(context), steps, manager, batch),
                sums[0],
                sums[1],
                sums[2].mean().div(manager.full(new Shape(), (float) steps)));
    }

    /**
     * How many steps per example one evaluation pass takes: as many as fit in {@value #CHUNK_ROWS}
     * rows and {@value #CHUNK_VALUES} values, at least one.
     *
     * @param steps the steps to take in all
     * @param batch the examples
     * @param exampleSize the values of one example
     * @return steps per pass, from 1 to {@code steps}
     */
    static int stepsPerChunk(int steps, long batch, long exampleSize) {
        long rows = Math.min(CHUNK_ROWS, CHUNK_VALUES / Math.max(1, exampleSize));
        return (int) Math.max(1, Math.min(steps, rows / batch));
    }

    private static long exampleSize(NDArray x) {
        return x.getShape().slice(1).size();
    }

    /**
     * One draw of t from each of the given strata for every example: the strata's size-weighted
     * sums per example of the KL terms, of L_0, and of the squared error per dimension.
     */
    private static NDArray[] rows(
            GaussianDiffusion diffusion,
            GenerativeModel model,
            StepContext context,
            GaussianForwardProcess process,
            float[] low,
            float[] size) {
        NDManager manager = context.manager();
        int k = low.length;
        long batch = process.start().getShape().get(0);
        NDArray sizes = manager.create(size, new Shape(k, 1));
        NDArray t = manager.randomUniform(0f, 1f, new Shape(k, batch))
                .mul(sizes)
                .floor()
                .add(manager.create(low, new Shape(k, 1)))
                .toType(DataType.INT64, false)
                .reshape(k * batch);

        GaussianForwardProcess repeated = process.repeated(k);
        NDArray start = repeated.start();
        NDArray noise = manager.randomNormal(start.getShape());
        NDArray xt = repeated.noised(t, noise);
        NDArray eps = ((Denoiser) model.decoder()).predictNoise(xt, t, context);
        NDArray squared = eps.sub(noise).square().reshape(k * batch, -1).mean(new int[] {1});

        Normal reverse = diffusion.reverse(xt, t, eps);
        NDArray kl = repeated.posterior(xt, t.maximum(2L)).klDivergence(reverse).orElseThrow();
        NDArray first = t.eq(1L);
        NDArray zero = kl.zerosLike();
        NDArray decoderRows = NDArrays.where(first, decoderLoss(diffusion, reverse, start), zero);
        NDArray klRows = NDArrays.where(first, zero, kl);
        return new NDArray[] {
            weighted(klRows, sizes, k, batch),
            weighted(decoderRows, sizes, k, batch),
            weighted(squared, sizes, k, batch),
            klRows.add(decoderRows).reshape(k, batch).mean(new int[] {1})
        };
    }

    /**
     * Every step's term, exactly (one row per step t and example): L_0 = -log p(x_0 | x_1), L_{t-1}
     * = KL(q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t)) for t = 2..T, and L_T = KL(q(x_T | x_0) ||
     * p(x_T)), each averaged over the batch. The rows go through the denoiser in chunks of at most
     * {@value #CHUNK_ROWS}, each in its own scope.
     *
     * @param x the batch, [B, data...]
     * @param model a diffusion model
     * @param context an evaluation context
     * @return [T + 1], L_t at index t
     */
    static NDArray perStep(NDArray x, GenerativeModel model, StepContext context) {
        GaussianDiffusion diffusion = (GaussianDiffusion) model.encoder();
        GaussianForwardProcess process =
                (GaussianForwardProcess) ((Encoding.Process) diffusion.encode(x, context)).process();
        NDManager manager = context.manager();
        int steps = process.steps();
        long batch = x.getShape().get(0);
        float[] terms = new float[steps + 1];
        int perChunk = stepsPerChunk(steps, batch, exampleSize(x));
        for (int first = 0; first < steps; first += perChunk) {
            int count = Math.min(perChunk, steps - first);
            float[] low = new float[count];
            float[] one = new float[count];
            for (int i = 0; i < count; i++) {
                low[i] = first + i + 1;
                one[i] = 1;
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] rows = rows(diffusion, model, context, process, low, one)[3].toFloatArray();
                System.arraycopy(rows, 0, terms, first, count);
            }
        }
        terms[steps] = priorTerm(process, model.prior().distribution(context), steps, manager, batch)
                .mean()
                .getFloat();
        return manager.create(terms);
    }

    /** -log p(x_0 | x_1): discretized for pixels, the Gaussian density otherwise. */
    private static NDArray decoderLoss(GaussianDiffusion diffusion, Normal reverse, NDArray start) {
        Distribution last = diffusion.unitRange() ? new DiscretizedGaussian(reverse, diffusion.levels()) : reverse;
        return last.logProb(start).neg();
    }

    /** KL(q(x_T | x_0) || p(x_T)), in closed form when the prior has one, else from one draw. */
    private static NDArray priorTerm(
            GaussianForwardProcess process, Distribution prior, int steps, NDManager manager, long batch) {
        Distribution last = process.marginal(manager.full(new Shape(batch), steps, DataType.INT64));
        Optional<NDArray> closed = last.klDivergence(prior);
        if (closed.isPresent()) {
            return closed.get();
        }
        Draw draw = last.rsampleWithLogProb(new Shape());
        return draw.logProb().sub(prior.logProb(draw.value()));
    }

    private static NDArray weighted(NDArray rows, NDArray sizes, int k, long batch) {
        return rows.reshape(k, batch).mul(sizes).sum(new int[] {0});
    }
}
