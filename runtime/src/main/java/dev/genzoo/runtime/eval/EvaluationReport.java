package dev.genzoo.runtime.eval;

import com.google.gson.GsonBuilder;
import dev.genzoo.api.GenzooException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an evaluation measured: the mean estimates over the examples (the last one the tightest),
 * and from it the NLL estimate in nats and in bits per dimension, NLL / (D ln 2).
 *
 * @param estimator what was computed, in words
 * @param estimates the mean estimates, the tightest last
 * @param examples how many examples were scored
 * @param dataDimensions D, the numbers in one example
 * @param seed the seed of the draws
 * @param seconds wall-clock time of the evaluation
 * @param diagnostics the posterior's diagnostics, for a density model, else null
 * @param boundPerStep each step's term of a diffusion's bound, else null
 */
public record EvaluationReport(
        String estimator,
        List<Estimate> estimates,
        int examples,
        long dataDimensions,
        long seed,
        double seconds,
        PosteriorDiagnostics diagnostics,
        BoundPerStep boundPerStep) {

    /**
     * Copies the list.
     */
    public EvaluationReport {
        estimates = List.copyOf(estimates);
    }

    /**
     * A report without diagnostics.
     *
     * @param estimator what was computed, in words
     * @param estimates the mean estimates, the tightest last
     * @param examples how many examples were scored
     * @param dataDimensions D, the numbers in one example
     * @param seed the seed of the draws
     * @param seconds wall-clock time of the evaluation
     */
    public EvaluationReport(
            String estimator, List<Estimate> estimates, int examples, long dataDimensions, long seed, double seconds) {
        this(estimator, estimates, examples, dataDimensions, seed, seconds, null, null);
    }

    /**
     * A report with diagnostics and no terms per step.
     *
     * @param estimator what was computed, in words
     * @param estimates the mean estimates, the tightest last
     * @param examples how many examples were scored
     * @param dataDimensions D, the numbers in one example
     * @param seed the seed of the draws
     * @param seconds wall-clock time of the evaluation
     * @param diagnostics the posterior's diagnostics, or null
     */
    public EvaluationReport(
            String estimator,
            List<Estimate> estimates,
            int examples,
            long dataDimensions,
            long seed,
            double seconds,
            PosteriorDiagnostics diagnostics) {
        this(estimator, estimates, examples, dataDimensions, seed, seconds, diagnostics, null);
    }

    /**
     * Each step's term of a diffusion's bound, where the objective gives them.
     *
     * @return the terms, empty otherwise
     */
    public java.util.Optional<BoundPerStep> stepwise() {
        return java.util.Optional.ofNullable(boundPerStep);
    }

    /**
     * The diagnostics, where the model has them.
     *
     * @return the diagnostics, empty for a model without a density encoder
     */
    public java.util.Optional<PosteriorDiagnostics> posteriorDiagnostics() {
        return java.util.Optional.ofNullable(diagnostics);
    }

    /**
     * The tightest estimate, the one the NLL comes from.
     *
     * @return the last estimate
     */
    public Estimate tightest() {
        return estimates.get(estimates.size() - 1);
    }

    /**
     * The negative log-likelihood estimate, -(tightest mean), in nats per example. For a bound it
     * is an upper bound on the true NLL in expectation.
     *
     * @return the NLL in nats
     */
    public double nllNats() {
        return -tightest().mean();
    }

    /**
     * The NLL in bits per dimension, NLL / (D ln 2).
     *
     * @return bits per data dimension
     */
    public double nllBitsPerDimension() {
        return nllNats() / (dataDimensions * Math.log(2));
    }

    /**
     * The report as pretty-printed JSON, after the given provenance fields. JSON has no NaN or
     * infinity, so an estimate that is not a finite number is refused, not written.
     *
     * @param provenance fields written first (run directory, epoch, step, version)
     * @return the JSON text, ending in a newline
     * @throws GenzooException if an estimate or its standard error is not a finite number
     */
    public String toJson(Map<String, Object> provenance) {
        for (Estimate e : estimates) {
            if (!Double.isFinite(e.mean()) || !Double.isFinite(e.standardError())) {
                throw new GenzooException(String.format(
                        "the estimate %s came out as %s (standard error %s), not a finite number, so no report was"
                                + " written; the model gives some test example a likelihood of zero or its numbers"
                                + " overflowed",
                        e.label(), e.mean(), e.standardError()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(provenance);
        out.put("split", "test");
        out.put("examples", examples);
        out.put("data_dimensions", dataDimensions);
        out.put("seed", seed);
        out.put("estimator", estimator);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Estimate e : estimates) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.name());
            if (e.k() > 0) {
                row.put("k", e.k());
            }
            row.put("mean_nats", e.mean());
            row.put("standard_error", e.standardError());
            rows.add(row);
        }
        out.put("estimates", rows);
        out.put("nll_nats", nllNats());
        out.put("nll_bits_per_dim", nllBitsPerDimension());
        out.put("nll_from", tightest().label());
        if (diagnostics != null) {
            out.put("diagnostics", diagnostics.toJsonFields());
        }
        if (boundPerStep != null && boundPerStep.nats().stream().allMatch(Double::isFinite)) {
            Map<String, Object> steps = new LinkedHashMap<>();
            steps.put("examples", boundPerStep.examples());
            steps.put("nats", boundPerStep.nats());
            out.put("bound_per_step", steps);
        }
        out.put("seconds", seconds);
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(out)
                + "\n";
    }
}
