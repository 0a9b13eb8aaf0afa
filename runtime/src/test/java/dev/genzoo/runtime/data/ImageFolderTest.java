package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts of an image folder: flat, one sub-folder per class (labels from the sorted names),
 * and a train/ + test/ pair that gives the split; otherwise a seeded fraction is held out. Every
 * image is a 2x2 grey PNG of one level, so each example says which file it came from.
 */
final class ImageFolderTest {
    @TempDir
    Path dir;

    private static void image(Path file, int level) throws IOException {
        Files.createDirectories(file.getParent());
        ImageFiles.grey(file, 2, 2, (x, y) -> level);
    }

    static DataSplit load(Path folder) {
        return DataSources.load(DataOptions.defaults(folder.toString()), DecodingProgress.NONE);
    }

    /** The level of each example of a part, in the part's order (every pixel of an example is one level). */
    static List<Integer> levels(Dataset part) {
        byte[] bytes = part.bytes();
        int size = part.exampleSize();
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            for (int j = 1; j < size; j++) {
                assertThat(bytes[i * size + j]).isEqualTo(bytes[i * size]);
            }
            levels.add(bytes[i * size] & 0xFF);
        }
        return levels;
    }

    @Test
    void aFlatFolderHoldsOutTheSeededFractionDisjointInOrderAndTheSameEveryRun() throws IOException {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            image(dir.resolve(String.format("img%02d.png", i)), 10 * i + 5);
            all.add(10 * i + 5);
        }

        DataSplit split = load(dir);

        assertThat(split.train().size()).isEqualTo(18);
        assertThat(split.test().size()).isEqualTo(2);
        assertThat(split.train().exampleShape().getShape()).containsExactly(1, 2, 2);
        assertThat(split.train().labels()).isEmpty();
        List<Integer> train = levels(split.train());
        List<Integer> test = levels(split.test());
        Set<Integer> union = new HashSet<>(train);
        union.addAll(test);
        assertThat(union).containsExactlyInAnyOrderElementsOf(all);
        assertThat(train).isSorted().doesNotContainAnyElementsOf(test);
        assertThat(test).isSorted();
        // pinned: a change of the permutation would silently change every folder's test images
        assertThat(test).as("images 5 and 16").containsExactly(55, 165);

        DataSplit again = load(dir);
        assertThat(levels(again.train())).isEqualTo(train);
        assertThat(levels(again.test())).isEqualTo(test);
    }

    @Test
    void theHeldOutFractionIsTheSettingsOwn() throws IOException {
        for (int i = 0; i < 20; i++) {
            image(dir.resolve(String.format("img%02d.png", i)), i);
        }
        DataOptions quarter = DataOptions.defaults(dir.toString());
        quarter = new DataOptions(
                quarter.source(), 0, 0, 0xFFFFFF, 0.25, quarter.labelColumn(), "x", "y", quarter.cache());

        DataSplit split = DataSources.load(quarter, DecodingProgress.NONE);

        assertThat(split.test().size()).isEqualTo(5);
        assertThat(split.train().size()).isEqualTo(15);
    }

    @Test
    void classSubFoldersGiveLabelsNumberedByTheirSortedNames() throws IOException {
        image(dir.resolve("zebra/a.png"), 200);
        image(dir.resolve("zebra/b.png"), 201);
        image(dir.resolve("ant/a.png"), 0);
        image(dir.resolve("ant/b.png"), 1);
        image(dir.resolve("ant/c.png"), 2);
        image(dir.resolve("moth/a.png"), 100);
        image(dir.resolve("moth/b.png"), 101);
        image(dir.resolve("moth/c.png"), 102);
        image(dir.resolve("moth/d.png"), 103);
        image(dir.resolve("moth/e.png"), 104);

        DataSplit split = load(dir);

        assertThat(split.train().classes()).containsExactly("ant", "moth", "zebra");
        assertThat(split.train().size() + split.test().size()).isEqualTo(10);
        for (Dataset part : List.of(split.train(), split.test())) {
            List<Integer> levels = levels(part);
            int[] labels = part.labels().orElseThrow();
            for (int i = 0; i < part.size(); i++) {
                assertThat(labels[i]).as("the image of level " + levels.get(i)).isEqualTo(levels.get(i) / 100);
            }
        }
    }

    @Test
    void aTrainAndTestPairGivesTheSplitWithClassesFromTheTrainingFolder() throws IOException {
        image(dir.resolve("train/cat/1.png"), 10);
        image(dir.resolve("train/cat/2.png"), 11);
        image(dir.resolve("train/bird/1.png"), 20);
        image(dir.resolve("test/cat/1.png"), 110);
        image(dir.resolve("test/bird/1.png"), 120);
        image(dir.resolve("test/bird/2.png"), 121);

        DataSplit split = load(dir);

        assertThat(split.train().classes()).containsExactly("bird", "cat");
        assertThat(levels(split.train())).containsExactly(20, 10, 11);
        assertThat(split.train().labels().orElseThrow()).containsExactly(0, 1, 1);
        assertThat(levels(split.test())).containsExactly(120, 121, 110);
        assertThat(split.test().labels().orElseThrow()).containsExactly(0, 0, 1);
    }

    @Test
    void aFlatTrainAndTestPairGivesTheSplitWithoutLabels() throws IOException {
        image(dir.resolve("train/1.png"), 1);
        image(dir.resolve("train/2.png"), 2);
        image(dir.resolve("train/3.png"), 3);
        image(dir.resolve("test/1.png"), 101);

        DataSplit split = load(dir);

        assertThat(levels(split.train())).containsExactly(1, 2, 3);
        assertThat(levels(split.test())).containsExactly(101);
        assertThat(split.train().labels()).isEmpty();
    }

    @Test
    void aTestClassThatIsNoTrainingClassIsRefused() throws IOException {
        image(dir.resolve("train/cat/1.png"), 1);
        image(dir.resolve("test/dog/1.png"), 2);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining(dir.resolve("test/dog").toString())
                .hasMessageContaining("test classes must be training classes");
    }

    @Test
    void aFlatTestFolderBesideClassFoldersForTrainingIsRefused() throws IOException {
        image(dir.resolve("train/cat/1.png"), 1);
        image(dir.resolve("train/dog/1.png"), 2);
        image(dir.resolve("test/1.png"), 3);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(GenzooException.class)
                .hasMessage(dir.resolve("test") + " holds its images directly but " + dir.resolve("train")
                        + " has class folders (cat, dog); put each test image in the folder of its class");
    }

    @Test
    void anEmptyTestOrTrainingFolderIsRefused() throws IOException {
        image(dir.resolve("a/train/cat/1.png"), 1);
        Files.createDirectories(dir.resolve("a/test"));
        image(dir.resolve("b/train/1.png"), 1);
        Files.createDirectories(dir.resolve("b/test"));
        Files.createDirectories(dir.resolve("c/train"));
        image(dir.resolve("c/test/1.png"), 1);

        for (String folder : new String[] {"a/test", "b/test", "c/train"}) {
            Path empty = dir.resolve(folder);
            assertThatThrownBy(() -> load(empty.getParent()))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageStartingWith("the folder " + empty + " holds no images");
        }
    }

    @Test
    void hiddenFilesAreLeftOut() throws IOException {
        image(dir.resolve("a.png"), 1);
        image(dir.resolve("b.png"), 2);
        Files.writeString(dir.resolve(".DS_Store"), "not an image");

        DataSplit split = load(dir);

        assertThat(split.train().size() + split.test().size()).isEqualTo(2);
    }
}
