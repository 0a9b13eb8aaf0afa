package dev.genzoo.runtime.eval;

/**
 * One estimate of the mean log-likelihood bound over the evaluated examples, in nats.
 *
 * @param name {@code elbo}, {@code iwae} (with its K), or {@code bound} (the objective's own)
 * @param k the importance samples behind it, or 0 where K does not apply
 * @param mean the mean over examples, in nats
 * @param standardError the standard error of that mean over examples (sample standard deviation
 *     over the square root of the count)
 */
public record Estimate(String name, int k, double mean, double standardError) {

    /**
     * The estimate's label for tables: {@code elbo}, {@code iwae k=5000}, {@code bound}.
     *
     * @return the label
     */
    public String label() {
        return k > 0 && !name.equals("elbo") ? name + " k=" + k : name;
    }

    /**
     * The mean and standard error of per-example values.
     *
     * @param name the estimate's name
     * @param k its K, or 0
     * @param values one value per example
     * @return the estimate
     */
    static Estimate of(String name, int k, double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double error = values.length > 1 ? Math.sqrt(squares / (values.length - 1) / values.length) : 0;
        return new Estimate(name, k, mean, error);
    }
}
