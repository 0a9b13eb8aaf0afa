package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of a decoded folder: a second read comes from it (no image decoded, the same bytes and
 * labels), and touching, adding or changing the options decodes afresh; a damaged cache is passed
 * over.
 */
final class DecodedImagesTest {
    @TempDir
    Path data;

    @TempDir
    Path cache;

    /** What a load told its progress. */
    private static final class Heard implements DecodingProgress {
        final List<String> started = new ArrayList<>();
        final List<String> finished = new ArrayList<>();

        @Override
        public void started(String what, long total) {
            started.add(what);
        }

        @Override
        public void advanced(long done) {}

        @Override
        public void finished(String summary) {
            finished.add(summary);
        }
    }

    private DataSplit load(Heard heard, int size) {
        DataOptions options =
                DataOptions.defaults(data.toString()).withImages(size, 0).withCache(Optional.of(cache));
        return DataSources.load(options, heard);
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    private void images() {
        for (int i = 0; i < 10; i++) {
            int level = 20 * i;
            ImageFiles.rgb(
                    data.resolve((i % 2 == 0 ? "even" : "odd") + "/" + i + ".png"),
                    4,
                    4,
                    (x, y) -> level << 16 | x << 8 | y);
        }
    }

    @Test
    void aSecondReadComesFromTheCacheWithTheSameBytesLabelsAndSplit() throws IOException {
        Files.createDirectories(data.resolve("even"));
        Files.createDirectories(data.resolve("odd"));
        images();
        Heard first = new Heard();

        DataSplit decoded = load(first, 0);

        assertThat(first.started).containsExactly("decoding 10 images in " + data);
        assertThat(cacheFiles()).hasSize(1);
        assertThat(first.finished.get(0)).contains("cached in " + cacheFiles().get(0));
        Heard second = new Heard();

        DataSplit cached = load(second, 0);

        assertThat(second.started).isEmpty();
        assertThat(second.finished).singleElement().asString().startsWith("read 10 decoded images from the cache ");
        assertThat(cached.train().bytes()).isEqualTo(decoded.train().bytes());
        assertThat(cached.test().bytes()).isEqualTo(decoded.test().bytes());
        assertThat(cached.train().labels().orElseThrow())
                .isEqualTo(decoded.train().labels().orElseThrow());
        assertThat(cached.test().labels().orElseThrow())
                .isEqualTo(decoded.test().labels().orElseThrow());
        assertThat(cached.train().classes()).containsExactly("even", "odd");
        assertThat(cached.train().exampleShape()).isEqualTo(decoded.train().exampleShape());
    }

    @Test
    void touchingAddingOrResizingDecodesAfresh() throws IOException {
        Files.createDirectories(data.resolve("even"));
        Files.createDirectories(data.resolve("odd"));
        images();
        load(new Heard(), 0);

        Path one = data.resolve("odd/1.png");
        Files.setLastModifiedTime(
                one, FileTime.fromMillis(Files.getLastModifiedTime(one).toMillis() + 10_000));
        Heard touched = new Heard();
        load(touched, 0);
        assertThat(touched.started).hasSize(1);

        ImageFiles.rgb(data.resolve("odd/11.png"), 4, 4, (x, y) -> 0xFFFFFF);
        Heard added = new Heard();
        DataSplit grown = load(added, 0);
        assertThat(added.started).containsExactly("decoding 11 images in " + data);
        assertThat(grown.train().size() + grown.test().size()).isEqualTo(11);

        Heard resized = new Heard();
        DataSplit small = load(resized, 2);
        assertThat(resized.started).hasSize(1);
        assertThat(small.train().exampleShape().getShape()).containsExactly(3, 2, 2);

        Heard again = new Heard();
        load(again, 2);
        assertThat(again.started).isEmpty();
        assertThat(cacheFiles()).hasSize(4);
    }

    @Test
    void theCacheHoldsTheFolderInOrderSoAnotherHeldOutFractionSplitsItAnew() throws IOException {
        Files.createDirectories(data.resolve("even"));
        Files.createDirectories(data.resolve("odd"));
        images();
        load(new Heard(), 0);
        DataOptions d = DataOptions.defaults(data.toString());
        DataOptions half =
                new DataOptions(d.source(), 0, 0, d.background(), 0.5, d.labelColumn(), "x", "y", Optional.of(cache));
        Heard heard = new Heard();

        DataSplit cached = DataSources.load(half, heard);
        DataSplit fresh = DataSources.load(half.withCache(Optional.empty()), DecodingProgress.NONE);

        assertThat(heard.started).isEmpty();
        assertThat(cached.test().size()).isEqualTo(5);
        assertThat(cached.test().bytes()).isEqualTo(fresh.test().bytes());
        assertThat(cached.test().labels().orElseThrow())
                .isEqualTo(fresh.test().labels().orElseThrow());
    }

    @Test
    void aDamagedCacheIsPassedOverAndTheFolderDecoded() throws IOException {
        Files.createDirectories(data.resolve("even"));
        Files.createDirectories(data.resolve("odd"));
        images();
        DataSplit decoded = load(new Heard(), 0);
        Path file = cacheFiles().get(0);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 7));
        Heard heard = new Heard();

        DataSplit again = load(heard, 0);

        assertThat(heard.started).hasSize(1);
        assertThat(again.train().bytes()).isEqualTo(decoded.train().bytes());
        assertThat(Files.size(file)).isEqualTo(whole.length);
    }
}
