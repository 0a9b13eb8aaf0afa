package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The facts of each kind of data, read from the data themselves. */
final class DataFactsTest {

    @Test
    void theDigitsAre17LevelImagesInTheUnitInterval() {
        DataFacts digits = DataFacts.of(DataSources.load("digits"));
        assertThat(digits.name()).isEqualTo("digits");
        assertThat(digits.exampleShape()).isEqualTo(new Shape(1, 8, 8));
        assertThat(digits.trainSize()).isEqualTo(1437);
        assertThat(digits.testSize()).isEqualTo(360);
        assertThat(digits.levels()).isEqualTo(17);
        assertThat(digits.image()).isTrue();
        assertThat(digits.binary()).isFalse();
        assertThat(digits.binarizable()).isTrue();
        assertThat(digits.describe()).isEqualTo("1,437 train and 360 test examples of 1x8x8, 17 levels in [0, 1]");
    }

    @Test
    void moonsAreRealValuedPointsNoBernoulliLikelihoodFits() {
        DataFacts moons = DataFacts.of(DataSources.load("moons"));
        assertThat(moons.image()).isFalse();
        assertThat(moons.unitInterval()).isFalse();
        assertThat(moons.levels()).isZero();
        assertThat(moons.binarizable()).isFalse();
        assertThat(moons.describe()).isEqualTo("10,000 train and 2,000 test examples of 2, real values");
    }

    @Test
    void binaryAndContinuousUnitValuesAreToldApart() {
        Dataset binary = new Dataset("b", new Shape(3), new float[] {0, 1, 1, 0, 0, 1}, null);
        DataFacts facts = DataFacts.of(new DataSplit(binary, binary));
        assertThat(facts.binary()).isTrue();
        assertThat(facts.binarizable()).isTrue();
        assertThat(facts.values()).isEqualTo("binary");
        Dataset grey = new Dataset("g", new Shape(3), new float[] {0, 0.3f, 0.3001f, 1, 0.5f, 0.7f}, null);
        DataFacts continuous = DataFacts.of(new DataSplit(grey, grey));
        assertThat(continuous.levels()).isZero();
        assertThat(continuous.unitInterval()).isTrue();
        assertThat(continuous.binarizable()).isFalse();
        assertThat(continuous.values()).isEqualTo("real values in [0, 1]");
    }

    @Test
    void aLevelOnlyTheTestSplitHasCounts() {
        Dataset train = new Dataset("t", new Shape(2), new float[] {0, 1, 1, 0}, null);
        Dataset test = new Dataset("t", new Shape(2), new float[] {0.5f, 1}, null);
        assertThat(DataFacts.of(new DataSplit(train, test)).levels()).isEqualTo(3);
    }
}
