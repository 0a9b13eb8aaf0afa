/**
 * genzoo's stable SPI: the four roles of a latent-variable generative model and how plugins
 * provide them.
 *
 * <pre>
 *   x --{@link dev.genzoo.api.Encoder}--&gt; q(z|x)     {@link dev.genzoo.api.Prior} p(z)     z --{@link dev.genzoo.api.Decoder}--&gt; p(x|z)
 *                 \___________ {@link dev.genzoo.api.Objective}: a bound on log p(x) ___________/
 * </pre>
 *
 * <p>A plugin jar registers one {@link dev.genzoo.api.GenzooPlugin} with {@link
 * java.util.ServiceLoader}. The plugin hands out named factories; the runtime picks factories by
 * name, creates the components on a device, checks that they fit together and trains them. The
 * components talk to each other only through the {@link dev.genzoo.api.distribution.Distribution}
 * vocabulary and the {@link dev.genzoo.api.Encoding} kinds, never through each other's classes.
 *
 * <p>This package changes only by addition: new types and new default methods.
 */
package dev.genzoo.api;
