package dev.genzoo.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 colour images of 32x32 (614 MB as bytes) train within 2 GB of resident memory: a child
 * JVM reads a generated .npy of random bytes and takes training steps on it, and its peak resident
 * set (VmHWM) is read back.
 */
final class MemoryAtScaleTest {
    private static final int IMAGES = 200_000;
    private static final int SIDE = 32;
    private static final long TWO_GB_KB = 2L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void twoHundredThousandColourImagesTrainWithinTwoGigabytes() throws Exception {
        Path file = dir.resolve("colour.npy");
        writeRandomImages(file);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AtScaleTraining.class.getName());
        command.add(file.toString());
        command.add("40");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\n");
        long peakKb = Long.parseLong(lines[lines.length - 1].strip());
        System.out.println(
                "200,000 colour 32x32 images: " + lines[lines.length - 2] + ", peak RSS " + peakKb / 1024 + " MB");
        assertThat(output).contains("steps 40 train 180000 bytes " + 180_000L * 3 * SIDE * SIDE);
        assertThat(peakKb).as(output).isLessThan(TWO_GB_KB);
    }

    private static void writeRandomImages(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        byte[] image = new byte[3 * SIDE * SIDE];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(NpyWriting.header("|u1", new long[] {IMAGES, 3, SIDE, SIDE}));
            for (int i = 0; i < IMAGES; i++) {
                random.nextBytes(image);
                out.write(image);
            }
        }
    }
}
