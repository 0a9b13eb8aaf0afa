/**
 * Markovian hierarchical VAEs (Rezende et al. 2014; Burda et al. 2016, section 5; Sonderby et al.
 * 2016): L stochastic layers z1 (nearest the data) to zL, a generative model p(zL) prod_l
 * p(z_{l-1}|z_l) p(x|z1), and two posteriors for it, bottom-up q(z1|x) q(z2|z1) ... ({@code hvae})
 * and top-down with precision-weighted layers ({@code ladder}). The layers are the latent layout's
 * blocks, so {@code elbo} and {@code iwae} report their KL one by one.
 */
package dev.genzoo.plugins.hvae;
