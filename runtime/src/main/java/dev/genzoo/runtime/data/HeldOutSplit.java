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
        if (n < 2 || divisor < 2) {
            throw new IllegalArgumentException("cannot hold out 1/" + divisor + " of " + n + " examples");
        }
        return apply(all, heldOut(n, (n + divisor - 1) / divisor, seed));
    }

    /**
     * The number of examples a fraction holds out: N f rounded, at least one, and at least one
     * left to train on.
     *
     * @param n N, at least 2
     * @param fraction f in (0, 1)
     * @return the held-out count
     */
    static int count(int n, double fraction) {
        return (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
    }

    /**
     * Which examples a permutation holds out: the first {@code testCount} of a Fisher-Yates
     * permutation of 0..N-1 drawn from the seed.
     *
     * @param n N, at least 2
     * @param testCount how many to hold out, 1 to N - 1
     * @param seed the constant seed of the permutation
     * @return true at the held-out examples' indices
     */
    static boolean[] heldOut(int n, int testCount, long seed) {
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
        boolean[] test = new boolean[n];
        for (int i = 0; i < testCount; i++) {
            test[order[i]] = true;
        }
        return test;
    }

    /** The two parts a held-out mask gives, each in the data set's order. */
    static DataSplit apply(Dataset all, boolean[] test) {
        int testCount = 0;
        for (boolean t : test) {
            testCount += t ? 1 : 0;
        }
        int[] testRows = new int[testCount];
        int[] trainRows = new int[test.length - testCount];
        int t = 0;
        int r = 0;
        for (int i = 0; i < test.length; i++) {
            if (test[i]) {
                testRows[t++] = i;
            } else {
                trainRows[r++] = i;
            }
        }
        return new DataSplit(all.subset(trainRows), all.subset(testRows));
    }

    /** The rows of a mask's parts: for each example, its position within its part. */
    static int[] positions(boolean[] test) {
        int[] at = new int[test.length];
        int t = 0;
        int r = 0;
        for (int i = 0; i < test.length; i++) {
            at[i] = test[i] ? t++ : r++;
        }
        return at;
    }

    /** The count of true entries. */
    static int trueCount(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        return count;
    }

    static int[] sorted(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }
}
