/**
 * Experiment configuration: what the user gave ({@link dev.genzoo.runtime.config.ConfigDraft},
 * from a YAML file and command-line options) and the fully resolved {@link
 * dev.genzoo.runtime.config.ExperimentConfig} written to every run directory. YAML is read with
 * SnakeYAML's safe constructor: a config never runs code.
 */
package dev.genzoo.runtime.config;
