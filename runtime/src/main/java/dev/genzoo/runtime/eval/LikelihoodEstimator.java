package dev.genzoo.runtime.eval;

import ai.djl.ndarray.NDArray;
import dev.genzoo.api.StepContext;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * How one encoder kind's log-likelihood is estimated, example by example. Each kind has one (see
 * {@link LikelihoodEvaluation#estimatorFor}); a family whose log p(x) is known another way (an
 * exact change of variables for a bijection, a variational bound over T steps for a fixed
 * process) adds its estimator there.
 */
interface LikelihoodEstimator {

    /**
     * One per-example quantity an estimator returns.
     *
     * @param name {@code elbo}, {@code iwae} or {@code bound}
     * @param k the samples behind it, or 0 where K does not apply
     */
    record Column(String name, int k) {}

    /**
     * The per-example quantities {@link #estimate} returns, in order; the last is the tightest, the
     * one the NLL is reported from.
     *
     * @return the columns
     */
    List<Column> columns();

    /**
     * Units of work per example, for progress.
     *
     * @return at least 1
     */
    long workPerExample();

    /**
     * One line for the progress bar and the report: what is computed.
     *
     * @return the description
     */
    String description();

    /**
     * Estimates every column for one batch. Runs inside the caller's scope, and may open scopes of
     * its own for chunks of work.
     *
     * @param x a batch of examples on the model's device
     * @param context an evaluation context
     * @param progress told the units of work done in this batch so far
     * @return values[column][example], in nats
     */
    double[][] estimate(NDArray x, StepContext context, LongConsumer progress);
}
