/**
 * The training loop: Adam over mini-batches, each step in its own native-memory scope, the
 * objective evaluated on the held-out split every epoch, metrics and checkpoints written as it
 * goes.
 */
package dev.genzoo.runtime.train;
