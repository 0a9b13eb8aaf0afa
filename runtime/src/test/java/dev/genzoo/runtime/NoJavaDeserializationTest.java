package dev.genzoo.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import dev.genzoo.api.GenzooPlugin;
import dev.genzoo.runtime.checkpoint.Checkpoint;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints and configs are read as data, never deserialized as Java objects: no class of the
 * runtime, of the api, or of DJL's api (which decodes the arrays) refers to ObjectInputStream. A
 * class file names every class it uses in its constant pool, so the name's absence is proof.
 */
final class NoJavaDeserializationTest {
    private static final byte[] NAME = "java/io/ObjectInputStream".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noClassThatReadsFilesCanDeserializeObjects() throws Exception {
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        for (Class<?> from : List.of(Checkpoint.class, GenzooPlugin.class, NDList.class)) {
            Path location = location(from);
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file :
                            files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        classes++;
                        if (contains(Files.readAllBytes(file))) {
                            offenders.add(location.relativize(file).toString());
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (var entry : jar.stream()
                            .filter(e -> e.getName().endsWith(".class"))
                            .toList()) {
                        classes++;
                        if (contains(jar.getInputStream(entry).readAllBytes())) {
                            offenders.add(location.getFileName() + "!" + entry.getName());
                        }
                    }
                }
            }
        }
        assertThat(classes).as("classes scanned").isGreaterThan(300);
        assertThat(offenders).isEmpty();
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean contains(byte[] bytes) {
        outer:
        for (int i = 0; i + NAME.length <= bytes.length; i++) {
            for (int j = 0; j < NAME.length; j++) {
                if (bytes[i + j] != NAME[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
