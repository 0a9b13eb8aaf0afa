/**
 * Plugin options: declared {@link dev.genzoo.api.options.Option}s with defaults and checks, and
 * the validated {@link dev.genzoo.api.options.Options} a factory receives. Users write them as
 * {@code key=value} pairs; unknown keys are refused with the nearest known one.
 */
package dev.genzoo.api.options;
