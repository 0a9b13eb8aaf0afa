/**
 * Markov chain Monte Carlo on the posterior p(z|x), proportional to p(x|z) p(z), of a trained
 * model, over the Distribution vocabulary alone: Metropolis-Hastings with a Gaussian random walk
 * (Metropolis et al. 1953; Hastings 1970) and Hamiltonian Monte Carlo with the leapfrog integrator
 * (Duane et al. 1987; Neal 2011), their step sizes adapted during warm-up towards a target
 * acceptance rate, and the chains' diagnostics: effective sample size and split R-hat (Gelman et
 * al. 2013, chapter 11). Any density model qualifies: the target calls {@code logProb} of the prior
 * and of the decoder's p(x|z), and its gradient comes from autograd.
 */
package dev.genzoo.runtime.mcmc;
