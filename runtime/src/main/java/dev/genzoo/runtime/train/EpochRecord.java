package dev.genzoo.runtime.train;

import java.util.Map;

/**
 * What one epoch measured: its number, the step count at its end, wall time so far, the training
 * means (loss and terms) and the held-out means (loss, terms and bound).
 *
 * @param epoch epochs completed, from 1
 * @param step optimizer steps taken
 * @param seconds wall-clock seconds of training so far in this process
 * @param train means over the epoch's steps
 * @param test means over the held-out split
 */
public record EpochRecord(int epoch, long step, double seconds, Map<String, Double> train, Map<String, Double> test) {}
