/**
 * Training data: the sources a user names after {@code --data}, loaded into memory and split
 * into a training and a held-out part.
 *
 * <p>{@link dev.genzoo.runtime.data.DataSources#load(String)} turns a source into a {@link
 * dev.genzoo.runtime.data.DataSplit}: the bundled 8x8 digits (the default), MNIST-style IDX files,
 * or one of the 2-D toy sets. Images are scaled to [0, 1]; {@link
 * dev.genzoo.runtime.data.Binarization} turns such intensities into 0/1 draws for Bernoulli
 * decoders. Every split and every toy set comes from a fixed seed of its own, so it is the same
 * on every run and machine and never depends on a training seed.
 *
 * <p>Everything here lives on the Java heap; nothing owns native memory. Errors a user can fix (a
 * missing or damaged file, an unknown source) are {@link dev.genzoo.api.GenzooException}s with
 * one sentence that names the file and what is wrong.
 */
package dev.genzoo.runtime.data;
