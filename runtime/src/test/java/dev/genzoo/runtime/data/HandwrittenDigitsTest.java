package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class HandwrittenDigitsTest {
    private static DataSplit split;

    @BeforeAll
    static void load() {
        split = DataSources.load("digits");
    }

    /** One example's values as a hashable key. */
    private static ByteBuffer row(Dataset data, int i) {
        int size = data.exampleSize();
        ByteBuffer key = ByteBuffer.allocate(4 * size);
        key.asFloatBuffer().put(data.values(), i * size, size);
        return key;
    }

    private static Set<ByteBuffer> rows(Dataset data) {
        Set<ByteBuffer> rows = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            rows.add(row(data, i));
        }
        return rows;
    }

    @Test
    void isTheDefaultSource() {
        assertThat(DataSources.DEFAULT).isEqualTo("digits");
    }

    @Test
    void splits1797DigitsInto1437And360() {
        assertThat(split.train().size()).isEqualTo(1437);
        assertThat(split.test().size()).isEqualTo(360);
        assertThat(HandwrittenDigits.readAll().size()).isEqualTo(1797);
        assertThat(split.train().exampleShape().getShape()).containsExactly(1, 8, 8);
        assertThat(split.test().exampleShape().getShape()).containsExactly(1, 8, 8);
        assertThat(split.train().name()).isEqualTo("digits");
    }

    @Test
    void intensitiesAreCountsOver16() {
        int offCount = 0;
        for (Dataset part : new Dataset[] {split.train(), split.test()}) {
            for (float v : part.values()) {
                boolean count = v * 16 == Math.round(v * 16) && v >= 0 && v <= 1;
                offCount += count ? 0 : 1;
            }
        }
        assertThat(offCount).as("values that are no count 0..16 over 16").isZero();
        assertThat(split.train().values()).contains(0f, 1f, 0.5f);
    }

    @Test
    void labelsAreTheTenDigits() {
        int[] labels = split.train().labels().orElseThrow();
        int[] counts = new int[10];
        for (int label : labels) {
            assertThat(label).isBetween(0, 9);
            counts[label]++;
        }
        // Each digit is about a tenth of the data set.
        for (int count : counts) {
            assertThat(count).isBetween(100, 190);
        }
        assertThat(split.test().labels().orElseThrow()).hasSize(360);
    }

    @Test
    void trainAndTestShareNoDigitAndTogetherHoldAll() {
        Set<ByteBuffer> train = rows(split.train());
        Set<ByteBuffer> test = rows(split.test());
        Set<ByteBuffer> all = rows(HandwrittenDigits.readAll());

        assertThat(train).hasSize(1437).doesNotContainAnyElementsOf(test);
        assertThat(test).hasSize(360);
        Set<ByteBuffer> union = new HashSet<>(train);
        union.addAll(test);
        assertThat(union).isEqualTo(all);
    }

    @Test
    void everyLoadGivesTheSameSplit() {
        DataSplit again = DataSources.load("digits");

        assertThat(again.train().values()).isEqualTo(split.train().values());
        assertThat(again.test().values()).isEqualTo(split.test().values());
        assertThat(again.test().labels().orElseThrow())
                .isEqualTo(split.test().labels().orElseThrow());
    }

    @Test
    void theSplitIsPinned() {
        // Recorded once: a change here silently changes every test bound genzoo reports, so it
        // must be deliberate. The counts say how many of each digit are held out; the hash of the
        // labels, in file order, says which ones.
        int[] labels = split.test().labels().orElseThrow();
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(24, 35, 32, 42, 51, 47, 40, 31, 26, 32);
        assertThat(Arrays.hashCode(labels)).isEqualTo(708_401_804);
    }

    @Test
    void firstLineOfTheFileIsTheFirstExample() {
        // digits.csv.gz starts "0,0,5,13,9,1,0,0,..." with label 0.
        Dataset all = HandwrittenDigits.readAll();

        assertThat(Arrays.copyOf(all.values(), 4)).containsExactly(0f, 0f, 5 / 16f, 13 / 16f);
        assertThat(all.labels().orElseThrow()[0]).isZero();
    }

    private static String line(int pixel, int label) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            text.append(pixel).append(',');
        }
        return text.append(label).append('\n').toString();
    }

    @Test
    void parsesLinesAndSkipsBlankOnes() throws Exception {
        String text = line(16, 3) + "\n" + line(4, 7);
        Dataset two = HandwrittenDigits.parse(new StringReader(text), "t.csv");

        assertThat(two.size()).isEqualTo(2);
        assertThat(two.values()[0]).isEqualTo(1f);
        assertThat(two.values()[64]).isEqualTo(0.25f);
        assertThat(two.labels().orElseThrow()).containsExactly(3, 7);
    }

    @Test
    void wrongColumnCountNamesTheLine() {
        String text = line(1, 1) + "1,2,3\n";

        assertThatThrownBy(() -> HandwrittenDigits.parse(new StringReader(text), "t.csv"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("t.csv line 2 has 3 columns, expected 65 (64 pixels and a label)");
    }

    @Test
    void countAbove16NamesTheLineAndColumn() {
        String text = line(1, 1) + line(1, 1) + line(17, 1);

        assertThatThrownBy(() -> HandwrittenDigits.parse(new StringReader(text), "t.csv"))
                .isInstanceOf(GenzooException.class)
                .hasMessage("t.csv line 3 column 1: 17 is outside a pixel count's range 0 to 16");
    }

    @Test
    void labelAbove9IsRefused() {
        assertThatThrownBy(() -> HandwrittenDigits.parse(new StringReader(line(0, 10)), "t.csv"))
                .hasMessage("t.csv line 1 column 65: 10 is outside a label's range 0 to 9");
    }

    @Test
    void textInsteadOfANumberKeepsItsCause() {
        String text = line(2, 1).replaceFirst("2", "x");

        assertThatThrownBy(() -> HandwrittenDigits.parse(new StringReader(text), "t.csv"))
                .hasMessage("t.csv line 1 column 1: 'x' is not a pixel count from 0 to 16")
                .hasCauseInstanceOf(NumberFormatException.class);
    }
}
