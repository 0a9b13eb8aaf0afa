package dev.genzoo.nn;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;

/**
 * The weight of an objective's KL term over training, a multiplier of beta in [0, 1]: a linear
 * warm-up over the first epochs (Sonderby et al. 2016), or cyclical annealing (Fu et
 * al. 2019), which repeats the rise M times over the run's T steps: with tau = ((t - 1)
 * mod ceil(T / M)) / (T / M), the weight is tau / R while tau &lt;= R and 1 after. Outside training
 * it is 1, so a reported bound is always the true one.
 */
public final class KlAnnealing {
    /** {@code warmup-epochs}: the linear warm-up's length in epochs, 0 (off) by default. */
    public static final Option<Double> WARMUP = Option.real(
                    "warmup-epochs", 0.0, "epochs over which the KL weight rises linearly from 0 to beta")
            .atLeast(0);

    /** {@code kl-cycles}: the number of cycles M of cyclical annealing, 0 (off) by default. */
    public static final Option<Integer> CYCLES = Option.integer(
                    "kl-cycles",
                    0,
                    "cyclical KL annealing (Fu et al. 2019): the KL weight rises from 0 to beta this many times over"
                            + " the run; 0 is off")
            .atLeast(0);

    /** {@code kl-cycle-rise}: the fraction R of each cycle over which the weight rises, 0.5 by default. */
    public static final Option<Double> RISE = Option.real(
                    "kl-cycle-rise", 0.5, "fraction of each KL cycle over which the weight rises linearly")
            .above(0)
            .atMost(1);

    private final double warmupEpochs;
    private final int cycles;
    private final double rise;

    private KlAnnealing(double warmupEpochs, int cycles, double rise) {
        this.warmupEpochs = warmupEpochs;
        this.cycles = cycles;
        this.rise = rise;
    }

    /**
     * The schedule the options describe; an option a factory does not declare is off.
     *
     * @param options values of {@link #WARMUP}, {@link #CYCLES} and {@link #RISE}, where declared
     * @return the schedule
     * @throws GenzooException if both a warm-up and cycles are asked for
     */
    public static KlAnnealing of(Options options) {
        double warmup = options.names().contains(WARMUP.name()) ? options.get(WARMUP) : 0;
        int cycles = options.names().contains(CYCLES.name()) ? options.get(CYCLES) : 0;
        double rise = options.names().contains(RISE.name()) ? options.get(RISE) : RISE.defaultValue();
        if (warmup > 0 && cycles > 0) {
            throw new GenzooException("warmup-epochs and kl-cycles both schedule the KL weight; choose one");
        }
        return new KlAnnealing(warmup, cycles, rise);
    }

    /**
     * Whether the weight ever differs from 1.
     *
     * @return true with a warm-up or cycles
     */
    public boolean on() {
        return warmupEpochs > 0 || cycles > 0;
    }

    /**
     * The weight in a pass.
     *
     * @param context the pass: its step, steps per epoch and total steps
     * @return in [0, 1]; 1 outside training
     */
    public double weight(StepContext context) {
        if (!context.training()) {
            return 1;
        }
        if (warmupEpochs > 0) {
            return Math.min(1, context.epochsCompleted() / warmupEpochs);
        }
        if (cycles > 0) {
            double period = Math.max(1.0, (double) context.totalSteps() / cycles);
            double tau = (context.step() % (long) Math.ceil(period)) / period;
            return Math.min(1, tau / rise);
        }
        return 1;
    }
}
