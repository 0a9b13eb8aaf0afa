package dev.genzoo.runtime.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.StepwiseBound;
import dev.genzoo.runtime.data.Batch;
import dev.genzoo.runtime.data.Examples;
import dev.genzoo.runtime.model.AssembledModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores held-out examples under a trained model with the estimator its encoder kind has, batch
 * after batch, each batch in its own scope, and averages the per-example estimates. Deterministic
 * for a seed: the engine is seeded first, and batches and chunks run in a fixed order.
 */
public final class LikelihoodEvaluation {
    private LikelihoodEvaluation() {}

    /**
     * Evaluates the first {@code settings.examples()} examples of a split.
     *
     * @param model the trained model
     * @param objectiveName the objective's name, for messages
     * @param data the split on the model's device
     * @param settings K list, seed (the engine is seeded with it here), batch size, example count
     * @param step the training steps the model has taken, for the context
     * @param listener hears progress
     * @return the report
     */
    public static EvaluationReport run(
            AssembledModel model,
            String objectiveName,
            Examples data,
            EvaluationSettings settings,
            long step,
            EvaluationListener listener) {
        return run(model, objectiveName, data, 0, settings, step, listener);
    }

    /**
     * Evaluates the first {@code settings.examples()} examples of a split of dequantized data: the
     * estimators bound the density of the continuous values, and adding the log-volume of a
     * quantization cell, -D log K, to every estimate makes each a bound on the probability of the
     * discrete values (Theis et al. 2016, section 3.1), the number training's evaluation reports.
     *
     * @param model the trained model
     * @param objectiveName the objective's name, for messages
     * @param data the split on the model's device
     * @param logCellVolume -D log K for data that was dequantized onto K levels, else 0
     * @param settings K list, seed (the engine is seeded with it here), batch size, example count
     * @param step the training steps the model has taken, for the context
     * @param listener hears progress
     * @return the report
     */
    public static EvaluationReport run(
            AssembledModel model,
            String objectiveName,
            Examples data,
            double logCellVolume,
            EvaluationSettings settings,
            long step,
            EvaluationListener listener) {
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) settings.seed());
        long available = data.size();
        int n = (int) (settings.examples() == 0 ? available : Math.min(available, settings.examples()));
        long exampleSize = data.exampleShape().size();
        EncoderKind kind = model.model().encoder().kind();
        if (settings.ksAsked() && kind != EncoderKind.DENSITY) {
            throw new GenzooException(String.format(
                    "--k sets the samples of importance sampling, which needs an encoder that outputs %s; this"
                            + " model's encoder outputs %s, so eval reports the bound of objective '%s' without"
                            + " samples; leave --k out",
                    EncoderKind.DENSITY.description(), kind.description(), objectiveName));
        }
        LikelihoodEstimator estimator = estimatorFor(model, objectiveName, settings, exampleSize);
        StepContext context = StepContext.evaluation(step, model.manager(), model.parameterStore());
        List<LikelihoodEstimator.Column> columns = estimator.columns();
        double[][] values = new double[columns.size()][n];
        long perExample = estimator.workPerExample();
        listener.started(perExample * n, estimator.description());
        try {
            for (int start = 0; start < n; start += settings.batch()) {
                int end = Math.min(n, start + settings.batch());
                long before = perExample * start;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    Batch examples = data.batch(start, end);
                    NDArray batch = examples.x();
                    StepContext pass = model.forBatch(context, examples);
                    double[][] batchValues =
                            estimator.estimate(batch, pass, done -> listener.progressed(before + done));
                    for (int c = 0; c < columns.size(); c++) {
                        for (int i = start; i < end; i++) {
                            values[c][i] = batchValues[c][i - start] + logCellVolume;
                        }
                    }
                }
            }
        } finally {
            listener.finished();
        }
        List<Estimate> estimates = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            estimates.add(Estimate.of(columns.get(c).name(), columns.get(c).k(), values[c]));
        }
        PosteriorDiagnostics diagnostics = null;
        if (model.model().encoder().kind() == EncoderKind.DENSITY && model.classes() == 0) {
            ImportanceSampling sampling = importanceSampling(estimator);
            diagnostics = DiagnosticsPass.run(
                    model.model(),
                    data,
                    n,
                    settings.batch(),
                    context,
                    estimates,
                    sampling == null ? Double.NaN : sampling.meanEffectiveSampleSize(),
                    sampling == null ? 0 : settings.largestK());
        }
        BoundPerStep stepwise = model.objective() instanceof StepwiseBound bound
                ? BoundPerStep.of(bound, model.model(), data, n, settings.batch(), context)
                : null;
        String description = logCellVolume == 0
                ? estimator.description()
                : String.format(
                        Locale.ROOT,
                        "%s, plus %.4f nats, the log-volume of a dequantization cell",
                        estimator.description(),
                        logCellVolume);
        return new EvaluationReport(
                description,
                estimates,
                n,
                exampleSize,
                settings.seed(),
                (System.nanoTime() - started) / 1e9,
                diagnostics,
                stepwise);
    }

    /**
     * The importance-sampled bound of a batch with K samples per example, drawn in chunks of a
     * given size and combined exactly: what {@link #run} computes per batch, alone (for
     * benchmarks). Runs in the caller's scope.
     *
     * @param model the model, with a density encoder
     * @param x the batch on the model's device
     * @param k the importance samples per example
     * @param samplesPerChunk samples per chunk
     * @return the bound per example, in nats
     */
    public static double[] importanceSampledBound(AssembledModel model, NDArray x, int k, int samplesPerChunk) {
        ImportanceSampling sampling = new ImportanceSampling(
                model.model(),
                List.of(k),
                x.getShape().slice(1).size(),
                ImportanceSampling.ELEMENTS_PER_PASS,
                samplesPerChunk);
        StepContext context = StepContext.evaluation(0, model.manager(), model.parameterStore());
        return sampling.estimate(x, context, done -> {})[1];
    }

    private static ImportanceSampling importanceSampling(LikelihoodEstimator estimator) {
        if (estimator instanceof ImportanceSampling sampling) {
            return sampling;
        }
        if (estimator instanceof EstimatorSequence sequence) {
            for (LikelihoodEstimator e : sequence.estimators()) {
                if (e instanceof ImportanceSampling sampling) {
                    return sampling;
                }
            }
        }
        return null;
    }

    /**
     * The estimator for the model's encoder kind: importance sampling for a density, followed by
     * annealed importance sampling when the settings ask for it; the objective's bound otherwise.
     *
     * @throws GenzooException if annealed importance sampling is asked of a model without a density
     *     encoder
     */
    static LikelihoodEstimator estimatorFor(
            AssembledModel model, String objectiveName, EvaluationSettings settings, long exampleSize) {
        EncoderKind kind = model.model().encoder().kind();
        if (kind == EncoderKind.DENSITY) {
            LikelihoodEstimator sampling = new ImportanceSampling(
                    model.model(), settings.ks(), exampleSize, ImportanceSampling.ELEMENTS_PER_PASS);
            if (settings.ais() == null) {
                return sampling;
            }
            return new EstimatorSequence(
                    List.of(sampling, new AnnealedImportanceSampling(model.model(), settings.ais())));
        }
        if (settings.ais() != null) {
            throw new GenzooException("annealed importance sampling runs Hamiltonian Monte Carlo on a continuous"
                    + " latent under a density p(x|z), and this model's encoder outputs " + kind.description()
                    + "; evaluate it without --estimator ais");
        }
        return new ObjectiveBound(model.model(), model.objective(), objectiveName);
    }
}
