/**
 * genzoo's own objectives through the contract kit, exactly as a third party's objective would go,
 * and the ordering of the bounds on an exact model: ELBO <= IWAE_K <= IWAE_K' <= log p(x).
 */
package dev.genzoo.contracts;
