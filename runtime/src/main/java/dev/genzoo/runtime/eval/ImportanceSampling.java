package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Draw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The importance-sampled estimate of log p(x) with the encoder's q(z|x) as proposal, log (1/K)
 * sum_k p(x, z_k) / q(z_k|x) (Burda et al. 2016, equation 8; Rezende et al. 2014, appendix E),
 * for every K of a list, and the ELBO as the mean log-weight over all samples drawn.
 *
 * <p>The K samples of the largest K are drawn in chunks whose size keeps the decoder's output
 * under {@link #ELEMENTS_PER_PASS} numbers, each chunk in its own scope (encoder, prior and decoder
 * run afresh in it, so nothing outlives the chunk). A chunk's log-sum-exp of log-weights is
 * combined with the running one exactly, in doubles: log(e^a + e^b) = m + log(e^(a-m) + e^(b-m)).
 * The estimate for a smaller K reads the first K samples, so the K list costs the largest K alone.
 * Only the Distribution vocabulary is used: {@code rsampleWithLogProb} (so a posterior that knows
 * the density of its own draws only, a flow-refined one, works), the prior's and the decoder's
 * {@code logProb}.
 *
 * <p>Beside the estimates it keeps, per example, the effective sample size of the normalized
 * importance weights of the largest K, (sum w)^2 / sum w^2 (Kong 1992), between 1 and K: near 1
 * means one sample carries the estimate, and q is a poor proposal for that example.
 */
final class ImportanceSampling implements LikelihoodEstimator {
    /** The most numbers one chunk's decoder output may hold (32 MiB of float32). */
    static final long ELEMENTS_PER_PASS = 1L << 23;

    private final GenerativeModel model;
    private final List<Integer> ks;
    private final long exampleSize;
    private final long elementsPerPass;
    private final int samplesPerChunk;
    private double essSum;
    private long essCount;

    ImportanceSampling(GenerativeModel model, List<Integer> ks, long exampleSize, long elementsPerPass) {
        this(model, ks, exampleSize, elementsPerPass, 0);
    }

    /**
     * An estimator that draws a fixed number of samples per chunk.
     *
     * @param samplesPerChunk samples per chunk, or 0 to keep the decoder's output under {@code
     *     elementsPerPass} numbers
     */
    ImportanceSampling(
            GenerativeModel model, List<Integer> ks, long exampleSize, long elementsPerPass, int samplesPerChunk) {
        this.model = model;
        this.ks = List.copyOf(ks);
        this.exampleSize = exampleSize;
        this.elementsPerPass = elementsPerPass;
        this.samplesPerChunk = samplesPerChunk;
    }

    /**
     * The mean over the examples scored so far of the importance weights' effective sample size at
     * the largest K.
     *
     * @return between 1 and K, NaN before any example
     */
    double meanEffectiveSampleSize() {
        return essCount == 0 ? Double.NaN : essSum / essCount;
    }

    @Override
    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("elbo", largestK()));
        for (int k : ks) {
            columns.add(new Column("iwae", k));
        }
        return columns;
    }

    @Override
    public long workPerExample() {
        return largestK();
    }

    @Override
    public String description() {
        return "importance sampling, K up to " + largestK();
    }

    private int largestK() {
        return ks.get(ks.size() - 1);
    }

    @Override
    public double[][] estimate(NDArray x, StepContext context, LongConsumer progress) {
        int b = Math.toIntExact(x.getShape().get(0));
        long perChunk = samplesPerChunk > 0 ? samplesPerChunk : Math.max(1, elementsPerPass / ((long) b * exampleSize));
        double[] logSum = new double[b];
        double[] logSumOfSquares = new double[b];
        double[] sumOfLogWeights = new double[b];
        Arrays.fill(logSum, Double.NEGATIVE_INFINITY);
        Arrays.fill(logSumOfSquares, Double.NEGATIVE_INFINITY);
        double[][] out = new double[ks.size() + 1][];
        int drawn = 0;
        for (int j = 0; j < ks.size(); j++) {
            int k = ks.get(j);
            while (drawn < k) {
                int chunk = (int) Math.min(perChunk, k - drawn);
                float[] sums = chunk(x, chunk, context);
                for (int i = 0; i < b; i++) {
                    logSum[i] = logAddExp(logSum[i], sums[i]);
                    logSumOfSquares[i] = logAddExp(logSumOfSquares[i], sums[2 * b + i]);
                    sumOfLogWeights[i] += sums[b + i];
                }
                drawn += chunk;
                progress.accept((long) drawn * b);
            }
            double[] bound = new double[b];
            double logK = Math.log(k);
            for (int i = 0; i < b; i++) {
                bound[i] = logSum[i] - logK;
            }
            out[j + 1] = bound;
        }
        double[] elbo = new double[b];
        for (int i = 0; i < b; i++) {
            elbo[i] = sumOfLogWeights[i] / drawn;
            double ess = Math.exp(2 * logSum[i] - logSumOfSquares[i]);
            if (Double.isFinite(ess)) {
                essSum += ess;
                essCount++;
            }
        }
        out[0] = elbo;
        return out;
    }

    /**
     * One chunk of samples: per example, the log-sum-exp of its log-weights, their sum, and the
     * log-sum-exp of twice them, [3 * B].
     */
    private float[] chunk(NDArray x, int samples, StepContext context) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Distribution posterior = ((Encoding.Density) model.encoder().encode(x, context)).posterior();
            Draw draw = posterior.rsampleWithLogProb(new Shape(samples));
            NDArray z = draw.value();
            NDArray logWeights = model.decoder()
                    .decode(z, context)
                    .logProb(x)
                    .add(model.prior().distribution(context).logProb(z))
                    .sub(draw.logProb());
            NDArray largest = logWeights.max(new int[] {0});
            NDArray scaled = logWeights.sub(largest).exp();
            NDArray logSum = scaled.sum(new int[] {0}).log().add(largest);
            NDArray logSumOfSquares = scaled.square().sum(new int[] {0}).log().add(largest.mul(2f));
            return NDArrays.stack(new NDList(logSum, logWeights.sum(new int[] {0}), logSumOfSquares))
                    .toFloatArray();
        }
    }

    /** log(e^a + e^b) without overflow; -infinity is the empty sum. */
    static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
