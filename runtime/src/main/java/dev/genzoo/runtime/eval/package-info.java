/**
 * Likelihood evaluation of a trained model on held-out data: for a density encoder the ELBO and
 * the importance-sampled bound of Burda et al. (2016) for several K, processed in chunks of
 * samples so memory stays bounded; for other encoder kinds, the objective's own bound. The NLL
 * estimate is reported in nats and in bits per dimension.
 */
package dev.genzoo.runtime.eval;
