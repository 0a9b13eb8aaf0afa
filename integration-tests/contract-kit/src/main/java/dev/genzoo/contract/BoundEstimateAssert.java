package dev.genzoo.contract;

import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link BoundEstimate} that allow for Monte Carlo noise: a claim about
 * the true mean fails only when the estimate contradicts it by more than {@code z} standard errors
 * plus an absolute tolerance for float32 rounding. By default z = 4 (a true claim fails about 3 times
 * in 100,000) and the tolerance is 1e-3 nats.
 *
 * <pre>{@code
 * assertThat(bound.minus(exactLogLikelihood)).isAtMost(0);          // a lower bound, in expectation
 * assertThat(after.minus(before)).withinStandardErrors(3).isPositive();
 * }</pre>
 */
public final class BoundEstimateAssert extends AbstractAssert<BoundEstimateAssert, BoundEstimate> {
    /** The default allowance, in standard errors. */
    public static final double DEFAULT_STANDARD_ERRORS = 4;
    /** The default absolute tolerance, in nats. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    private double z = DEFAULT_STANDARD_ERRORS;
    private double tolerance = DEFAULT_TOLERANCE;

    BoundEstimateAssert(BoundEstimate actual) {
        super(actual, BoundEstimateAssert.class);
    }

    /**
     * Allows z standard errors of Monte Carlo noise in the claims that follow.
     *
     * @param standardErrors z, at least 0
     * @return this
     */
    public BoundEstimateAssert withinStandardErrors(double standardErrors) {
        this.z = standardErrors;
        return this;
    }

    /**
     * Allows an absolute tolerance in the claims that follow.
     *
     * @param nats the tolerance, at least 0
     * @return this
     */
    public BoundEstimateAssert withTolerance(double nats) {
        this.tolerance = nats;
        return this;
    }

    /**
     * Every value is finite.
     *
     * @return this
     */
    public BoundEstimateAssert isFinite() {
        isNotNull();
        if (!actual.allFinite()) {
            failWithMessage("expected finite values, but some are NaN or infinite: %s", actual);
        }
        return this;
    }

    /**
     * The true mean is at most {@code limit}: the estimate is not more than z standard errors (plus
     * the tolerance) above it.
     *
     * @param limit the limit
     * @return this
     */
    public BoundEstimateAssert isAtMost(double limit) {
        isFinite();
        double slack = z * actual.standardError() + tolerance;
        if (actual.mean() > limit + slack) {
            failWithMessage(
                    "expected a mean of at most %s, but the estimate is %s, %s above it (allowed: %s = %s standard"
                            + " errors + %s)",
                    number(limit), actual, number(actual.mean() - limit), number(slack), number(z), number(tolerance));
        }
        return this;
    }

    /**
     * The true mean is at least {@code limit}.
     *
     * @param limit the limit
     * @return this
     */
    public BoundEstimateAssert isAtLeast(double limit) {
        isFinite();
        double slack = z * actual.standardError() + tolerance;
        if (actual.mean() < limit - slack) {
            failWithMessage(
                    "expected a mean of at least %s, but the estimate is %s, %s below it (allowed: %s = %s standard"
                            + " errors + %s)",
                    number(limit), actual, number(limit - actual.mean()), number(slack), number(z), number(tolerance));
        }
        return this;
    }

    /**
     * The true mean is above zero, clearly: the estimate exceeds z standard errors plus the
     * tolerance (an improvement, a gap that has not closed).
     *
     * @return this
     */
    public BoundEstimateAssert isPositive() {
        isFinite();
        double needed = z * actual.standardError() + tolerance;
        if (!(actual.mean() > needed)) {
            failWithMessage(
                    "expected a clearly positive mean (above %s = %s standard errors + %s), but the estimate is %s",
                    number(needed), number(z), number(tolerance), actual);
        }
        return this;
    }

    /**
     * The true mean is within {@code distance} of {@code target}, allowing for the noise.
     *
     * @param target the value
     * @param distance the largest true distance
     * @return this
     */
    public BoundEstimateAssert isCloseTo(double target, double distance) {
        isFinite();
        double slack = z * actual.standardError() + tolerance + distance;
        if (Math.abs(actual.mean() - target) > slack) {
            failWithMessage(
                    "expected a mean within %s of %s, but the estimate is %s", number(slack), number(target), actual);
        }
        return this;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
