package dev.genzoo.plugins.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.Role;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import java.util.Map;

/**
 * The fixed Gaussian diffusion of Ho et al. (2020, section 2) as an encoder: the forward process
 * q(x_1..x_T | x_0) of a noise schedule, with no parameters, and the fixed parts of the reverse
 * process p(x_{t-1} | x_t) = N(mu_theta(x_t, t), sigma_t^2 I) that every denoiser shares.
 *
 * <p>Images with values in [0, 1] enter the process scaled to [-1, 1] (ibid., section 4); the
 * {@code levels} values a pixel takes set the bins of the discretized decoder L_0.
 */
public final class GaussianDiffusion implements Encoder {
    static final Option<String> SCHEDULE = Option.choice(
            "schedule",
            "linear",
            "noise schedule: linear beta 1e-4..0.02 (Ho et al. 2020) or cosine (Nichol and Dhariwal 2021)",
            "linear",
            "cosine");
    static final Option<Integer> TIMESTEPS =
            Option.integer("timesteps", 1000, "diffusion steps T").atLeast(1).atMost(100_000);
    static final Option<String> VARIANCE = Option.choice(
            "variance",
            "beta",
            "fixed variance sigma_t^2 of each reverse step: beta_t or the posterior's beta~_t",
            "beta",
            "posterior");
    static final Option<String> RANGE = Option.choice(
            "range",
            "auto",
            "unit: data in [0, 1] scaled to [-1, 1], discretized decoder; as-is: real values,"
                    + " Gaussian decoder; auto: unit for images, as-is otherwise",
            "auto",
            "unit",
            "as-is");
    static final Option<Integer> LEVELS = Option.integer(
                    "levels",
                    256,
                    "values a pixel takes, for L_0 when range is unit; genzoo sets it from the data (17 for the"
                            + " digits, 256 for 8-bit images) unless given")
            .atLeast(2);

    private final NoiseSchedule schedule;
    private final ReverseVariance variance;
    private final boolean unitRange;
    private final int levels;
    private final Shape dataShape;

    private final NDArray sqrtAlphaBar;
    private final NDArray sqrtOneMinusAlphaBar;
    private final NDArray logOneMinusAlphaBar;
    private final NDArray posteriorStart;
    private final NDArray posteriorCurrent;
    private final NDArray posteriorLogVariance;
    private final NDArray reverseScale;
    private final NDArray reverseNoise;
    private final NDArray reverseLogVariance;

    GaussianDiffusion(
            NoiseSchedule schedule,
            ReverseVariance variance,
            boolean unitRange,
            int levels,
            Shape dataShape,
            NDManager manager) {
        this.schedule = schedule;
        this.variance = variance;
        this.unitRange = unitRange;
        this.levels = levels;
        this.dataShape = dataShape;
        NoiseSchedule s = schedule;
        sqrtAlphaBar = Tables.column(manager, s.table(t -> Math.sqrt(s.alphaBar(t))));
        sqrtOneMinusAlphaBar = Tables.column(manager, s.table(t -> Math.sqrt(1 - s.alphaBar(t))));
        logOneMinusAlphaBar = Tables.column(manager, s.table(t -> Math.log(1 - s.alphaBar(t))));
        posteriorStart = Tables.column(manager, s.table(s::posteriorStartWeight));
        posteriorCurrent = Tables.column(manager, s.table(s::posteriorCurrentWeight));
        posteriorLogVariance = Tables.column(manager, s.table(t -> Math.log(s.clippedPosteriorVariance(t))));
        reverseScale = Tables.column(manager, s.table(t -> 1 / Math.sqrt(1 - s.beta(t))));
        reverseNoise = Tables.column(manager, s.table(t -> s.beta(t) / Math.sqrt(1 - s.alphaBar(t))));
        reverseLogVariance = Tables.column(manager, s.table(t -> Math.log(variance.at(s, t))));
    }

    /**
     * The forward process is the same whatever the condition (Ho and Salimans 2022): it takes one
     * and ignores it.
     */
    @Override
    public boolean acceptsCondition() {
        return true;
    }

    @Override
    public EncoderKind kind() {
        return EncoderKind.FIXED_PROCESS;
    }

    /** The data shape: a diffusion's latents x_1..x_T are shaped like its data. */
    @Override
    public Shape latentShape() {
        return dataShape;
    }

    /** The process started at x_0, the batch in the process's scale. */
    @Override
    public Encoding encode(NDArray x, StepContext context) {
        return Encoding.process(new GaussianForwardProcess(this, toProcess(x)));
    }

    /**
     * The reverse step p(x_{t-1} | x_t) = N(mu, sigma_t^2 I) with mu = (x_t - beta_t /
     * sqrt(1 - abar_t) eps) / sqrt(alpha_t), the mean of the noise parameterization (Ho et al.
     * 2020, equation 11).
     *
     * @param xt x_t, [B, data...]
     * @param t steps in 1..T, [B]
     * @param eps the predicted noise, shaped like {@code xt}
     * @return a distribution with batch shape [B]
     */
    public Normal reverse(NDArray xt, NDArray t, NDArray eps) {
        int rank = dataShape.dimension();
        NDArray mean = Tables.at(reverseScale, t, rank)
                .mul(xt.sub(Tables.at(reverseNoise, t, rank).mul(eps)));
        return Normal.ofLogVariance(mean, Tables.at(reverseLogVariance, t, rank), rank);
    }

    /** Data as the process sees them: 2x - 1 for unit-range data, as they are otherwise. */
    NDArray toProcess(NDArray x) {
        return unitRange ? Scalars.plus(Scalars.times(x, 2f), -1f) : x;
    }

    /** Process values back in the data's own scale: (x + 1) / 2 for unit-range data. */
    NDArray toData(NDArray x) {
        return unitRange ? Scalars.times(Scalars.plus(x, 1f), 0.5f) : x;
    }

    NoiseSchedule schedule() {
        return schedule;
    }

    ReverseVariance variance() {
        return variance;
    }

    /** Whether data in [0, 1] were scaled to [-1, 1] (pixels); then samples are clipped there. */
    boolean unitRange() {
        return unitRange;
    }

    int levels() {
        return levels;
    }

    Shape dataShape() {
        return dataShape;
    }

    NDArray sqrtAlphaBar() {
        return sqrtAlphaBar;
    }

    NDArray sqrtOneMinusAlphaBar() {
        return sqrtOneMinusAlphaBar;
    }

    NDArray logOneMinusAlphaBar() {
        return logOneMinusAlphaBar;
    }

    NDArray posteriorStart() {
        return posteriorStart;
    }

    NDArray posteriorCurrent() {
        return posteriorCurrent;
    }

    NDArray posteriorLogVariance() {
        return posteriorLogVariance;
    }

    /** Creates the {@code diffusion} encoder. */
    public static final class Factory implements EncoderFactory {
        @Override
        public String name() {
            return "diffusion";
        }

        @Override
        public String description() {
            return "the fixed forward process q(x_t|x_0) of a DDPM, no parameters (Ho et al. 2020)";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(SCHEDULE, TIMESTEPS, VARIANCE, RANGE, LEVELS);
        }

        @Override
        public Map<Role, String> companions() {
            return Map.of(
                    Role.PRIOR, "standard-normal",
                    Role.DECODER, "ddpm-mlp",
                    Role.OBJECTIVE, "ddpm-simple");
        }

        /**
         * A moving average of the weights, the usual default of diffusion models (Ho et al. 2020,
         * appendix B, with 0.9999 over 800k steps): 0.999 suits runs of thousands of steps, whose
         * warm-up min(d, (1 + t) / (10 + t)) reaches 0.999 only near step 9,000.
         */
        @Override
        public Map<String, String> usualSettings() {
            return Map.of("training.ema", "0.999");
        }

        @Override
        public Encoder create(Options options, BuildContext context) {
            int steps = options.get(TIMESTEPS);
            NoiseSchedule schedule =
                    options.get(SCHEDULE).equals("cosine") ? NoiseSchedule.cosine(steps) : NoiseSchedule.linear(steps);
            String range = options.get(RANGE);
            boolean unit = range.equals("unit")
                    || (range.equals("auto") && context.dataShape().dimension() == 3);
            return new GaussianDiffusion(
                    schedule,
                    ReverseVariance.of(options.get(VARIANCE)),
                    unit,
                    options.get(LEVELS),
                    context.dataShape(),
                    context.manager());
        }
    }
}
