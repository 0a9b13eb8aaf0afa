package dev.genzoo.runtime.config;

/**
 * How long and how fast to train: Adam (Kingma and Ba 2015) over mini-batches.
 *
 * @param epochs passes over the training split
 * @param batchSize examples per step
 * @param learningRate Adam's step size
 * @param seed the seed every random number of the run derives from
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, long seed) {
    /** Epochs of the default run: long enough for a good ELBO on the digits, well under a minute. */
    public static final int DEFAULT_EPOCHS = 150;
    /** The default mini-batch size. */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** The default learning rate, Adam's usual 1e-3. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** The default seed. */
    public static final long DEFAULT_SEED = 0;
}
