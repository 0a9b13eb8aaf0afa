package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

final class DatasetTest {
    /** Three 2x2 examples whose values are 10 * row + position, labelled 0, 1, 2. */
    private static Dataset threeExamples() {
        float[] values = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
        return new Dataset("three", new Shape(1, 2, 2), values, new int[] {0, 1, 2});
    }

    @Test
    void sizesComeFromTheShapeAndTheValues() {
        Dataset data = threeExamples();

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.exampleSize()).isEqualTo(4);
        assertThat(data.name()).isEqualTo("three");
        assertThat(data.exampleShape()).isEqualTo(new Shape(1, 2, 2));
        assertThat(data.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(0, 1, 2));
    }

    @Test
    void valuesAreTheBackingArray() {
        float[] values = new float[6];
        Dataset data = new Dataset("points", new Shape(2), values, null);

        assertThat(data.values()).isSameAs(values);
        assertThat(data.labels()).isEmpty();
    }

    @Test
    void subsetCopiesTheChosenRowsAndLabelsInOrder() {
        Dataset subset = threeExamples().subset(new int[] {2, 0, 2});

        assertThat(subset.size()).isEqualTo(3);
        assertThat(subset.name()).isEqualTo("three");
        assertThat(subset.values()).containsExactly(20, 21, 22, 23, 0, 1, 2, 3, 20, 21, 22, 23);
        assertThat(subset.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(2, 0, 2));
    }

    @Test
    void subsetRefusesAnIndexOutsideTheData() {
        assertThatThrownBy(() -> threeExamples().subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void firstTakesLeadingRowsOrAllOfThem() {
        Dataset data = threeExamples();

        assertThat(data.first(2).values()).containsExactly(0, 1, 2, 3, 10, 11, 12, 13);
        assertThat(data.first(0).size()).isZero();
        assertThat(data.first(7).size()).isEqualTo(3);
        assertThatThrownBy(() -> data.first(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesMustBeAWholeNumberOfExamples() {
        assertThatThrownBy(() -> new Dataset("bad", new Shape(1, 2, 2), new float[6], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 values");
    }

    @Test
    void labelsMustBeOnePerExample() {
        assertThatThrownBy(() -> new Dataset("bad", new Shape(2), new float[4], new int[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 labels for 2 examples");
    }

    @Test
    void exampleShapeNeedsPositiveDimensions() {
        assertThatThrownBy(() -> new Dataset("bad", new Shape(0, 2), new float[0], null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
