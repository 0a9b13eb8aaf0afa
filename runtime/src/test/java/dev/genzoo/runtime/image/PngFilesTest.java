package dev.genzoo.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PngFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheExactPixelsAndLeavesNoTemporaryFile() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0x123456);
        Path file = dir.resolve("picture.png");
        PngFiles.write(file, image);
        BufferedImage back = Pictures.read(file);
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(Pictures.rgb(back, 2, 1)).isEqualTo(0x123456);
        assertThat(Pictures.rgb(back, 0, 0)).isZero();
        assertThat(names(dir)).containsExactly("picture.png");
    }

    @Test
    void replacesAnExistingPicture() throws IOException {
        Path file = dir.resolve("picture.png");
        Files.writeString(file, "not a picture");
        PngFiles.write(file, new BufferedImage(4, 5, BufferedImage.TYPE_INT_RGB));
        assertThat(Pictures.read(file).getHeight()).isEqualTo(5);
        assertThat(names(dir)).containsExactly("picture.png");
    }

    @Test
    void aMissingFolderIsAUserErrorNamingTheFile() {
        Path file = dir.resolve("no-such-folder").resolve("picture.png");
        assertThatThrownBy(() -> PngFiles.write(file, new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("folder does not exist");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aFailedRenameLeavesTheTargetAloneAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("taken.png");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "keep me");
        assertThatThrownBy(() -> PngFiles.write(target, new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining(target.toString());
        assertThat(names(dir)).containsExactly("taken.png");
        assertThat(target.resolve("inside.txt")).hasContent("keep me");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
