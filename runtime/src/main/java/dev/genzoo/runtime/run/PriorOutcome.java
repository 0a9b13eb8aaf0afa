package dev.genzoo.runtime.run;

import java.util.Map;

/**
 * What fitting a learned prior left behind.
 *
 * @param fit the fitting stage: its folder, its config (the run's, with the new prior and the
 *     stage's training settings), its last epoch (train and test loss: the negative
 *     log-likelihood of the codes under the prior, nats per example) and the prior's trainable
 *     scalars
 * @param model the run's own objective on the test split with the learned prior in place of the
 *     training prior: its loss, terms and bound
 */
public record PriorOutcome(TrainingOutcome fit, Map<String, Double> model) {}
