/**
 * The distribution vocabulary all plugins share: sampling, reparameterized sampling, log-density
 * per example, mean, and analytic KL where it exists.
 *
 * <p>Shapes follow {@code torch.distributions}: a distribution has a batch shape (one
 * distribution per example, [B] or [K, B]) and an event shape (one draw: (20), (1, 28, 28)).
 * {@code sample(s)} returns {@code s + batch + event}; {@code logProb(x)} sums over the event axes
 * and returns {@code x}'s leading axes. Values broadcast against the parameters, so a batch x of
 * [B, D] can be scored under a decoder's [K, B, D] without copying.
 */
package dev.genzoo.api.distribution;
