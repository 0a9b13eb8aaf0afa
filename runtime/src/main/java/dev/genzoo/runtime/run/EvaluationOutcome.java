package dev.genzoo.runtime.run;

import dev.genzoo.runtime.eval.EvaluationReport;
import java.nio.file.Path;

/**
 * What {@code genzoo eval} left behind.
 *
 * @param report the estimates
 * @param file the JSON file the report was written to
 * @param prior which prior the model was scored with, in words: "transformer-codes, learned by
 *     genzoo train-prior (prior.zip)"
 * @param boundPerStep the chart of each step's term of a diffusion's bound, or null
 */
public record EvaluationOutcome(EvaluationReport report, Path file, String prior, Path boundPerStep) {}
