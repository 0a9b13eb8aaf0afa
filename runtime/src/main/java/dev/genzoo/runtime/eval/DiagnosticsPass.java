package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.LatentLayout;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import dev.genzoo.api.distribution.LayeredDistribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.distribution.StandardNormal;
import dev.genzoo.runtime.data.Examples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes {@link PosteriorDiagnostics} for a density model over examples, batch by batch, each in
 * its own scope, through the Distribution vocabulary: q(z|x)'s mean (its own for a diagonal
 * Gaussian, else the average of {@value #MEAN_SAMPLES} draws, which adds at most Var_q / {@value
 * #MEAN_SAMPLES} to a unit's covariance), its draws with their log-density per block, the prior's
 * {@code logProb} per block, and the closed-form KL where the pair has one.
 */
final class DiagnosticsPass {
    /** Draws that estimate E_q[z] where q does not give its mean in closed form. */
    static final int MEAN_SAMPLES = 500;
    /** Draws per example behind a Monte Carlo KL. */
    static final int KL_SAMPLES = 16;
    /** The most examples the aggregate posterior of the mutual information is made of. */
    static final int MUTUAL_INFORMATION_EXAMPLES = 1000;
    /** The most numbers one pass of the mutual information's log q(z_n | x_m) may hold. */
    private static final long MUTUAL_INFORMATION_ELEMENTS = 1L << 22;

    private DiagnosticsPass() {}

    /**
     * The diagnostics of the first n examples.
     *
     * @param model a model with a density encoder
     * @param data the split on the model's device
     * @param n how many of the first examples
     * @param batch examples per pass
     * @param context an evaluation context
     * @param estimates the report's estimates (for the ELBO-IWAE gap)
     * @param importanceEss the mean effective sample size of the importance weights, or NaN
     * @param importanceK the K behind it, or 0
     * @return the diagnostics
     */
    static PosteriorDiagnostics run(
            GenerativeModel model,
            Examples data,
            int n,
            int batch,
            StepContext context,
            List<Estimate> estimates,
            double importanceEss,
            int importanceK) {
        Encoder encoder = model.encoder();
        LatentLayout layout = encoder.latentLayout();
        int units = Math.toIntExact(encoder.latentShape().size());
        double[] sum = new double[units];
        double[] squares = new double[units];
        double[] klUnits = new double[units];
        boolean unitwise = true;
        Map<String, Double> klBlocks = new LinkedHashMap<>();
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = data.batch(start, end).x();
                Distribution q = posterior(model, x, context);
                Distribution p = model.prior().distribution(context);
                NDArray mean = q instanceof Normal normal
                        ? normal.loc()
                        : q.sample(new Shape(MEAN_SAMPLES)).mean(new int[] {0});
                float[] m = mean.reshape(end - start, units).toFloatArray();
                for (int i = 0; i < m.length; i++) {
                    sum[i % units] += m[i];
                    squares[i % units] += (double) m[i] * m[i];
                }
                Optional<NDArray> perUnit = unitwise ? klPerUnit(q, p, context) : Optional.empty();
                unitwise = perUnit.isPresent();
                perUnit.ifPresent(kl -> {
                    float[] k = kl.reshape(-1, units).sum(new int[] {0}).toFloatArray();
                    for (int u = 0; u < units; u++) {
                        klUnits[u] += k[u];
                    }
                });
                klPerBlock(q, p).forEach((name, kl) -> klBlocks.merge(name, kl, Double::sum));
            }
        }
        Map<String, Integer> active = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (LatentLayout.Block block : layout.blocks()) {
            int count = 0;
            for (long u = block.offset(); u < block.offset() + block.size(); u++) {
                double mu = sum[(int) u] / n;
                if (squares[(int) u] / n - mu * mu > PosteriorDiagnostics.ACTIVE) {
                    count++;
                }
            }
            active.put(block.name(), count);
            sizes.put(block.name(), (int) block.size());
        }
        klBlocks.replaceAll((name, total) -> total / n);
        List<Double> klPerUnit = new ArrayList<>();
        if (unitwise) {
            for (double k : klUnits) {
                klPerUnit.add(k / n);
            }
        }
        int miExamples = Math.min(n, MUTUAL_INFORMATION_EXAMPLES);
        double mi = mutualInformation(model, data, miExamples, context);
        return new PosteriorDiagnostics(
                active, sizes, klBlocks, klPerUnit, mi, miExamples, gap(estimates), importanceEss, importanceK);
    }

    private static Distribution posterior(GenerativeModel model, NDArray x, StepContext context) {
        return ((Encoding.Density) model.encoder().encode(x, context)).posterior();
    }

    /** KL per unit per example, [B, units], where q and p are diagonal Gaussians over a vector. */
    private static Optional<NDArray> klPerUnit(Distribution q, Distribution p, StepContext context) {
        if (!(q instanceof Normal normal) || normal.eventDims() != 1) {
            return Optional.empty();
        }
        Normal unitwise = Normal.ofLogVariance(normal.loc(), normal.logVariance(), 0);
        if (p instanceof StandardNormal && p.eventShape().dimension() == 1) {
            return unitwise.klDivergence(new StandardNormal(context.manager(), new Shape()));
        }
        if (p instanceof Normal prior && prior.eventDims() == 1) {
            return unitwise.klDivergence(Normal.ofLogVariance(prior.loc(), prior.logVariance(), 0));
        }
        return Optional.empty();
    }

    /** The batch's summed KL per block: Monte Carlo per layer for a hierarchy, else the whole KL. */
    private static Map<String, Double> klPerBlock(Distribution q, Distribution p) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (q instanceof LayeredDistribution lq
                && p instanceof LayeredDistribution lp
                && lq.layout().isLayered()
                && lq.layout().equals(lp.layout())) {
            Draw draw = q.rsampleWithLogProb(new Shape(KL_SAMPLES));
            Map<String, NDArray> logQ =
                    draw.logProbPerBlock().isEmpty() ? lq.logProbPerBlock(draw.value()) : draw.logProbPerBlock();
            Map<String, NDArray> logP = lp.logProbPerBlock(draw.value());
            logQ.forEach((name, term) -> out.put(name, (double)
                    term.sub(logP.get(name)).mean(new int[] {0}).sum().getFloat()));
            return out;
        }
        String whole = q instanceof LayeredDistribution lq ? lq.layout().names().get(0) : LatentLayout.WHOLE;
        Optional<NDArray> closed = q.klDivergence(p);
        NDArray kl;
        if (closed.isPresent()) {
            kl = closed.get();
        } else {
            Draw draw = q.rsampleWithLogProb(new Shape(KL_SAMPLES));
            kl = draw.logProb().sub(p.logProb(draw.value())).mean(new int[] {0});
        }
        out.put(whole, (double) kl.sum().getFloat());
        return out;
    }

    /**
     * I(x; z) = E_x E_q(z|x)[log q(z|x) - log q(z)] with q(z) = (1/N) sum_m q(z|x_m) over the first
     * N examples, one draw z_n per example: (1/N) sum_n [log q(z_n|x_n) - log (1/N) sum_m q(z_n|x_m)]
     * (Hoffman and Johnson 2016; the estimator of He et al. 2019). NaN where the posterior cannot
     * score one example's draw under every other example's q.
     */
    private static double mutualInformation(GenerativeModel model, Examples data, int n, StepContext context) {
        if (n < 2) {
            return Double.NaN;
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = data.batch(0, n).x();
            Distribution q = posterior(model, x, context);
            NDArray z = q.sample();
            float[] own = q.logProb(z).toFloatArray();
            long units = model.encoder().latentShape().size();
            int rows = (int) Math.max(1, Math.min(n, MUTUAL_INFORMATION_ELEMENTS / ((long) n * units)));
            double total = 0;
            for (int start = 0; start < n; start += rows) {
                int end = Math.min(n, start + rows);
                try (NDScope inner = new NDScope()) {
                    inner.suppressNotUsedWarning();
                    NDArray zs = z.get(new NDIndex().addSliceDim(start, end)).expandDims(1);
                    NDArray cross = q.logProb(zs);
                    if (!cross.getShape().equals(new Shape(end - start, n))) {
                        return Double.NaN;
                    }
                    NDArray largest = cross.max(new int[] {1}, true);
                    float[] aggregate = cross.sub(largest)
                            .exp()
                            .sum(new int[] {1})
                            .log()
                            .add(largest.squeeze(1))
                            .toFloatArray();
                    for (int i = 0; i < aggregate.length; i++) {
                        total += own[start + i] - (aggregate[i] - Math.log(n));
                    }
                }
            }
            return total / n;
        } catch (RuntimeException cannotBroadcast) {
            return Double.NaN;
        }
    }

    /** The last importance-sampled bound minus the ELBO, NaN without both. */
    private static double gap(List<Estimate> estimates) {
        Estimate elbo = null;
        Estimate iwae = null;
        for (Estimate e : estimates) {
            if (e.name().equals("elbo")) {
                elbo = e;
            } else if (e.name().equals("iwae")) {
                iwae = e;
            }
        }
        return elbo != null && iwae != null ? iwae.mean() - elbo.mean() : Double.NaN;
    }
}
