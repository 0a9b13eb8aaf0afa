package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV tables written as text read back to their numbers: with and without a header, the label
 * column chosen by name or by number, labels as integers or as names numbered in sorted order.
 */
final class CsvTableTest {
    @TempDir
    Path dir;

    private Path table(String name, String header, boolean labelNames) throws IOException {
        StringBuilder text = new StringBuilder(header == null ? "" : header + "\n");
        for (int r = 0; r < 10; r++) {
            // row r: r, the label, r / 4 - 0.5 (exact in binary)
            String label =
                    labelNames ? List.of("setosa", "virginica", "versicolor").get(r % 3) : "" + r % 3;
            text.append(r)
                    .append(',')
                    .append(label)
                    .append(',')
                    .append(r / 4.0 - 0.5)
                    .append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static DataSplit load(Path file, String labelColumn) {
        DataOptions d = DataOptions.defaults(file.toString());
        return DataSources.load(
                new DataOptions(
                        d.source(), 0, 0, 0xFFFFFF, d.heldOut(), Optional.ofNullable(labelColumn), "x", "y", d.cache()),
                DecodingProgress.NONE);
    }

    /** Checks every example against its row (named by its first value); its label by row, -1 for none. */
    private static Map<Integer, Integer> labelsByRow(DataSplit split) {
        Map<Integer, Integer> byRow = new TreeMap<>();
        for (Dataset part : List.of(split.train(), split.test())) {
            assertThat(part.isBytes()).isFalse();
            assertThat(part.exampleShape().getShape()).containsExactly(2);
            int[] labels = part.labels().orElse(null);
            for (int i = 0; i < part.size(); i++) {
                int r = (int) part.value(2 * i);
                assertThat(part.value(2 * i)).isEqualTo((float) r);
                assertThat(part.value(2 * i + 1)).isEqualTo(r / 4f - 0.5f);
                byRow.put(r, labels == null ? -1 : labels[i]);
            }
        }
        assertThat(byRow.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(split.test().size()).isEqualTo(1);
        return byRow;
    }

    @Test
    void aHeaderNamesTheLabelColumn() throws IOException {
        Path file = table("h.csv", "id,class,score", false);

        Map<Integer, Integer> labels = labelsByRow(load(file, "class"));

        labels.forEach((row, label) -> assertThat(label).as("row " + row).isEqualTo(row % 3));
    }

    @Test
    void theLabelColumnIsNumberedFromOneWithOrWithoutAHeader() throws IOException {
        Path withHeader = table("h.csv", "\"id\",\"class\",\"score\"", false);
        Path without = table("n.csv", null, false);

        for (Path file : List.of(withHeader, without)) {
            Map<Integer, Integer> labels = labelsByRow(load(file, "2"));

            labels.forEach(
                    (row, label) -> assertThat(label).as(file + " row " + row).isEqualTo(row % 3));
        }
    }

    @Test
    void labelNamesAreNumberedInSortedOrder() throws IOException {
        Path file = table("names.csv", "id,class,score", true);

        DataSplit split = load(file, "class");

        assertThat(split.train().classes()).containsExactly("setosa", "versicolor", "virginica");
        int[] sorted = {0, 2, 1}; // setosa, virginica, versicolor by row % 3
        labelsByRow(split).forEach((row, label) -> assertThat(label).isEqualTo(sorted[row % 3]));
    }

    @Test
    void aTableWithoutHeaderWhoseLabelsAreNamesKeepsItsFirstRow() throws IOException {
        // the layout of UCI's iris.data: no header, the class by name in a column
        Path file = table("iris.csv", null, true);

        DataSplit split = load(file, "2");

        assertThat(split.train().classes()).containsExactly("setosa", "versicolor", "virginica");
        int[] sorted = {0, 2, 1};
        labelsByRow(split).forEach((row, label) -> assertThat(label).isEqualTo(sorted[row % 3]));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotPartOfItsFirstField() throws IOException {
        // spreadsheets save "CSV UTF-8" with U+FEFF first
        Path named = table("h.csv", "\uFEFFclass,id,score", false);
        Path bare = table("n.csv", null, false);
        Files.writeString(bare, "\uFEFF" + Files.readString(bare));

        DataSplit byName = load(named, "class");
        DataSplit noHeader = load(bare, "2");

        assertThat(byName.train().size() + byName.test().size()).isEqualTo(10);
        labelsByRow(noHeader).forEach((row, label) -> assertThat(label).isEqualTo(row % 3));
    }

    @Test
    void withoutALabelColumnEveryColumnIsAFeature() throws IOException {
        Path file = table("all.csv", "id,class,score", false);

        DataSplit split = load(file, null);

        assertThat(split.train().exampleShape().getShape()).containsExactly(3);
        assertThat(split.train().labels()).isEmpty();
        assertThat(split.train().size() + split.test().size()).isEqualTo(10);
        for (Dataset part : List.of(split.train(), split.test())) {
            for (int i = 0; i < part.size(); i++) {
                int r = (int) part.value(3 * i);
                assertThat(part.value(3 * i + 1)).isEqualTo(r % 3);
                assertThat(part.value(3 * i + 2)).isEqualTo(r / 4f - 0.5f);
            }
        }
    }

    @Test
    void aLabelColumnThatIsNotThereIsRefusedWithTheHeaderOrTheCount() throws IOException {
        Path named = table("h.csv", "id,class,score", false);
        Path bare = table("n.csv", null, false);

        assertThatThrownBy(() -> load(named, "species"))
                .isInstanceOf(GenzooException.class)
                .hasMessage(named + " has no column 'species' (its header names id, class, score)");
        assertThatThrownBy(() -> load(bare, "4"))
                .isInstanceOf(GenzooException.class)
                .hasMessage(bare + " has 3 columns, so it has no label column 4");
        assertThatThrownBy(() -> load(bare, "class"))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith(bare + " has no header line, so its label column must be given by number");
    }
}
