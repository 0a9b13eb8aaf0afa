package dev.genzoo.runtime.mcmc;

/**
 * How well chains have mixed, for one scalar quantity (Gelman et al. 2013, "Bayesian Data Analysis",
 * 3rd edition, sections 11.4 and 11.5): each chain is split in halves, so that a drift within a
 * chain shows as disagreement between halves. With m half-chains of n draws, W the mean within-half
 * variance and B / n the variance of the half-chains' means, var+ = (n - 1) / n W + B / n; split
 * R-hat = sqrt(var+ / W), near 1 when the chains agree. The effective sample size is m n / (1 + 2
 * sum_t rho_t) with rho_t = 1 - V_t / (2 var+), V_t the mean squared difference of draws t apart,
 * summed while consecutive pairs rho_{2k} + rho_{2k+1} stay positive (Geyer 1992).
 */
public final class ChainDiagnostics {
    private ChainDiagnostics() {}

    /**
     * Split R-hat.
     *
     * @param chains [chains][draws], at least 4 draws each
     * @return R-hat, at least about 1
     */
    public static double splitRhat(double[][] chains) {
        double[][] halves = split(chains);
        double w = within(halves);
        return Math.sqrt(pooledVariance(halves, w) / w);
    }

    /**
     * The effective sample size over all chains: Geyer's initial positive sequence, tau = -1 + 2
     * sum_k (rho_2k + rho_2k+1) over the pairs before the first that is not positive, rho_0 = 1.
     *
     * @param chains [chains][draws], at least 4 draws each
     * @return m n / tau: about chains * draws for independent draws, fewer for correlated ones
     */
    public static double effectiveSampleSize(double[][] chains) {
        double[][] halves = split(chains);
        int m = halves.length;
        int n = halves[0].length;
        double variance = pooledVariance(halves, within(halves));
        if (!(variance > 0)) {
            return m * n;
        }
        double tau = -1;
        for (int k = 0; 2 * k + 1 < n; k++) {
            double pair =
                    (k == 0 ? 1 : correlation(halves, 2 * k, variance)) + correlation(halves, 2 * k + 1, variance);
            if (!(pair > 0)) {
                break;
            }
            tau += 2 * pair;
        }
        return m * n / Math.max(tau, 1e-12);
    }

    /** rho_t = 1 - V_t / (2 var+). */
    private static double correlation(double[][] halves, int t, double variance) {
        int m = halves.length;
        int n = halves[0].length;
        double v = 0;
        for (double[] chain : halves) {
            for (int i = t; i < n; i++) {
                double d = chain[i] - chain[i - t];
                v += d * d;
            }
        }
        v /= (double) m * (n - t);
        return 1 - v / (2 * variance);
    }

    private static double[][] split(double[][] chains) {
        int n = chains[0].length / 2;
        if (n < 2) {
            throw new IllegalArgumentException("chain diagnostics need at least 4 draws per chain");
        }
        double[][] halves = new double[2 * chains.length][n];
        for (int c = 0; c < chains.length; c++) {
            int offset = chains[c].length - 2 * n;
            System.arraycopy(chains[c], offset, halves[2 * c], 0, n);
            System.arraycopy(chains[c], offset + n, halves[2 * c + 1], 0, n);
        }
        return halves;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** W, the mean of the half-chains' sample variances. */
    private static double within(double[][] halves) {
        double w = 0;
        for (double[] chain : halves) {
            double mu = mean(chain);
            double s = 0;
            for (double v : chain) {
                s += (v - mu) * (v - mu);
            }
            w += s / (chain.length - 1);
        }
        return w / halves.length;
    }

    /** var+ = (n - 1) / n W + B / n, B / n the sample variance of the half-chains' means. */
    private static double pooledVariance(double[][] halves, double w) {
        int m = halves.length;
        int n = halves[0].length;
        double[] means = new double[m];
        for (int j = 0; j < m; j++) {
            means[j] = mean(halves[j]);
        }
        double grand = mean(means);
        double b = 0;
        for (double mu : means) {
            b += (mu - grand) * (mu - grand);
        }
        b = m > 1 ? b / (m - 1) : 0;
        return (n - 1.0) / n * w + b;
    }
}
