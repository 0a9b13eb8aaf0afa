/**
 * Runs: the run directory and its files, data placed on the device, the training loop, pictures,
 * and {@link dev.genzoo.runtime.run.GenzooRuntime}, the facade the CLI calls to train, resume,
 * sample and reconstruct.
 */
package dev.genzoo.runtime.run;
