package dev.genzoo.api;

import java.util.List;

/**
 * The root of a plugin, found with {@link java.util.ServiceLoader}: it hands out named factories
 * for each role (after Trino's {@code Plugin}, every method but {@link #name()} has an empty
 * default, so new roles never break an old plugin).
 *
 * <p>Register an implementation in {@code META-INF/services/dev.genzoo.api.GenzooPlugin}. It
 * needs a public no-argument constructor and must do no work in it: no I/O, no native memory.
 */
public interface GenzooPlugin {

    /**
     * The plugin's name, unique among installed plugins: a short lower-case word such as {@code
     * vae}.
     *
     * @return the plugin's name
     */
    String name();

    /**
     * The genzoo api version this plugin was built for, "MAJOR.MINOR". Declare it with exactly
     * this body, which the compiler turns into the version of the api you compile against:
     *
     * <pre>
     * &#64;Override
     * public String apiVersion() {
     *     return ApiVersion.CURRENT;
     * }
     * </pre>
     *
     * <p>genzoo refuses a plugin built for an api it cannot run (see {@link
     * ApiVersion#canRun(ApiVersion)}), naming both versions. A plugin loaded from a plugins folder
     * must declare its version; plugins bundled with genzoo, built with it, may leave the default.
     *
     * @return the version built for, or an empty string (the default) when the plugin does not say
     */
    default String apiVersion() {
        return "";
    }

    /**
     * Factories for encoders q(z|x).
     *
     * @return this plugin's encoder factories, empty by default
     */
    default List<EncoderFactory> encoders() {
        return List.of();
    }

    /**
     * Factories for decoders p(x|z).
     *
     * @return this plugin's decoder factories, empty by default
     */
    default List<DecoderFactory> decoders() {
        return List.of();
    }

    /**
     * Factories for priors p(z).
     *
     * @return this plugin's prior factories, empty by default
     */
    default List<PriorFactory> priors() {
        return List.of();
    }

    /**
     * Factories for objectives (training losses that bound log p(x)).
     *
     * @return this plugin's objective factories, empty by default
     */
    default List<ObjectiveFactory> objectives() {
        return List.of();
    }

    /**
     * Factories for samplers: other ways than the prior and decoder to draw from a trained model,
     * chosen by name when sampling (a diffusion's DDIM, say).
     *
     * @return this plugin's sampler factories, empty by default
     */
    default List<SamplerFactory> samplers() {
        return List.of();
    }
}
