package dev.genzoo.plugins.ddpm;

/**
 * The fixed variance sigma_t^2 of each reverse step p(x_{t-1} | x_t) = N(mu_theta, sigma_t^2 I):
 * beta_t, or the posterior variance beta~_t; Ho et al. (2020, section 3.2) found both to give
 * similar samples.
 */
enum ReverseVariance {
    /** sigma_t^2 = beta_t, the upper choice. */
    BETA("beta"),
    /** sigma_t^2 = beta~_t, the lower choice, taken at t = 2 for t = 1 (where beta~_1 = 0). */
    POSTERIOR("posterior");

    private final String word;

    ReverseVariance(String word) {
        this.word = word;
    }

    /** The option's word. */
    String word() {
        return word;
    }

    /** sigma_t^2 under this choice. */
    double at(NoiseSchedule schedule, int t) {
        return this == BETA ? schedule.beta(t) : schedule.clippedPosteriorVariance(t);
    }

    static ReverseVariance of(String word) {
        for (ReverseVariance v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
