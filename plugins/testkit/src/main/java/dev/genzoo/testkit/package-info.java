/**
 * The checks every genzoo plugin's tests make, in one test-scope library that needs no runtime (after
 * the common test base of diffusers' schedulers): {@link dev.genzoo.testkit.PluginConformance}, the
 * plugin found by ServiceLoader, its names, descriptions and options, and every factory created from
 * its defaults in the order genzoo builds a model; {@link dev.genzoo.testkit.GradientCheck}, a loss's
 * gradients against central finite differences.
 *
 * <p>Depend on it in test scope, beside the engine (pytorch-engine, pytorch-jni, pytorch-native-cpu)
 * as a plugin's own tests already do; it depends on genzoo's api, DJL's api, JUnit's api and AssertJ.
 */
package dev.genzoo.testkit;
