/**
 * Likelihood evaluation of a trained model on held-out data: for a density encoder the ELBO and
 * the importance-sampled bound of Burda et al. (2016) for several K, processed in chunks of
 * samples so memory stays bounded, optionally annealed importance sampling (Neal 2001; Wu et al.
 * 2017) with HMC transitions, and the posterior's diagnostics (active units, KL per unit and per
 * layer, mutual information, the ELBO-IWAE gap, the importance weights' effective sample size);
 * for other encoder kinds, the objective's own bound. The NLL estimate is reported in nats and in
 * bits per dimension. Everything goes through the Distribution vocabulary, so any density model
 * qualifies.
 */
package dev.genzoo.runtime.eval;
