package dev.genzoo.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("metrics.csv");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aWrittenFileHasThePermissionsOfAnyNewFile() throws IOException {
        Path written = dir.resolve("samples.png");
        AtomicFiles.write(written, new byte[] {1, 2, 3});
        Path plain = Files.createFile(dir.resolve("plain"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void aMissingFolderIsOneSentenceNamingTheFile() {
        Path target = dir.resolve("absent").resolve("config.yaml");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
                .isInstanceOf(GenzooException.class)
                .hasMessage("could not write " + target + ": its folder does not exist");
    }
}
