package dev.genzoo.runtime.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Holds out a fixed part of a data set for evaluation: a Fisher-Yates permutation (Durstenfeld
 * 1964) from a constant seed, so the split never depends on a training seed.
 */
final class HeldOutSplit {
    private HeldOutSplit() {}

    /**
     * Divides a data set into {@code ceil(N / divisor)} held-out examples and the rest, each part
     * kept in the data set's own order.
     *
     * @param all the whole data set, at least two examples
     * @param divisor 5 holds out a fifth, 6 a sixth
     * @param seed the constant seed of the permutation
     * @return the two disjoint parts, together all examples
     */
    static DataSplit of(Dataset all, int divisor, long seed) {
        int n = all.size();
        int testCount = (n + divisor - 1) / divisor;
        if (n < 2 || divisor < 2) {
            throw new IllegalArgumentException("cannot hold out 1/" + divisor + " of " + n + " examples");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] test = Arrays.copyOfRange(order, 0, testCount);
        int[] train = Arrays.copyOfRange(order, testCount, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new DataSplit(all.subset(train), all.subset(test));
    }
}
