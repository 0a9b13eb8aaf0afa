package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HeldOutSplitTest {
    /** n one-value examples holding 0, 1, ..., n - 1. */
    private static Dataset numbered(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return new Dataset("numbered", new Shape(1), values, null);
    }

    private static List<Float> list(float[] values) {
        List<Float> list = new ArrayList<>();
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    @Test
    void holdsOutTheRoundedUpFraction() {
        assertThat(HeldOutSplit.of(numbered(1797), 5, 1).test().size()).isEqualTo(360);
        assertThat(HeldOutSplit.of(numbered(60_000), 6, 1).test().size()).isEqualTo(10_000);
        assertThat(HeldOutSplit.of(numbered(7), 6, 1).test().size()).isEqualTo(2);
    }

    @Test
    void partsAreDisjointCoverEverythingAndKeepTheDataOrder() {
        DataSplit split = HeldOutSplit.of(numbered(100), 5, 42);
        List<Float> train = list(split.train().values());
        List<Float> test = list(split.test().values());

        assertThat(train).hasSize(80).isSorted().doesNotContainAnyElementsOf(test);
        assertThat(test).hasSize(20).isSorted();
        List<Float> all = new ArrayList<>(train);
        all.addAll(test);
        assertThat(all).containsExactlyInAnyOrderElementsOf(list(numbered(100).values()));
    }

    @Test
    void theSeedAloneDecidesThePermutation() {
        float[] once = HeldOutSplit.of(numbered(100), 5, 42).test().values();
        float[] twice = HeldOutSplit.of(numbered(100), 5, 42).test().values();
        float[] otherSeed = HeldOutSplit.of(numbered(100), 5, 43).test().values();

        assertThat(twice).containsExactly(once);
        assertThat(otherSeed).isNotEqualTo(once);
    }

    @Test
    void heldOutExamplesAreSpreadOverTheData() {
        // Not simply the last fifth: a fixed permutation, not a cut.
        float[] test = HeldOutSplit.of(numbered(100), 5, 42).test().values();

        assertThat(test[0]).isLessThan(80f);
    }
}
