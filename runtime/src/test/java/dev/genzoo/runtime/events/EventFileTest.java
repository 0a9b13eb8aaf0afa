package dev.genzoo.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event files read by readers that are not genzoo's: the framing's CRCs recomputed with a bitwise
 * CRC-32C written here from its definition (reflected polynomial 0x82F63B78), and each event
 * decoded by Debian's {@code protoc --decode_raw} (package protobuf-compiler, which .ci/run
 * installs; the decoding test is skipped, saying so, where protoc is absent).
 */
final class EventFileTest {

    /** CRC-32C bit by bit, from the definition. */
    static int crc32c(byte[] bytes, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F63B78 : crc >>> 1;
            }
        }
        return ~crc;
    }

    static int masked(int crc) {
        return Integer.rotateRight(crc, 15) + 0xa282ead8;
    }

    /** The events of a file, each checked against its two CRCs. */
    static List<byte[]> records(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> records = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] header = new byte[8];
            in.get(header);
            long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(in.getInt()).as("length crc").isEqualTo(masked(crc32c(header, 0, 8)));
            byte[] data = new byte[(int) length];
            in.get(data);
            assertThat(in.getInt()).as("data crc").isEqualTo(masked(crc32c(data, 0, data.length)));
            records.add(data);
        }
        return records;
    }

    @Test
    void theBitwiseCrcMatchesTheStandardCheckValue() {
        // the check value of CRC-32C (RFC 3720, B.4): "123456789" -> 0xE3069283
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(crc32c(check, 0, check.length)).isEqualTo(0xE3069283);
        assertThat(MaskedCrc.of(check, 0, check.length)).isEqualTo(masked(0xE3069283));
    }

    @Test
    void everyRecordIsFramedWithMaskedCrcs(@TempDir Path dir) throws IOException {
        Path path;
        try (EventFile file = EventFile.create(dir)) {
            file.scalar("test/bound", 12, -23.5);
            file.image("samples", 12, new byte[] {1, 2, 3}, 8, 8, 1);
            file.resumedAt(12);
            path = file.path();
        }
        assertThat(path.getFileName().toString()).startsWith("events.out.tfevents.");
        List<byte[]> records = records(path);
        assertThat(records).hasSize(4);
        assertThat(new String(records.get(0), StandardCharsets.ISO_8859_1)).contains("brain.Event:2");
    }

    @Test
    void protocDecodesTheEventsWithTheirFieldNumbers(@TempDir Path dir) throws Exception {
        assumeTrue(
                new ProcessBuilder("protoc", "--version").start().waitFor() == 0,
                "protoc (Debian package protobuf-compiler) is not installed; .ci/run installs it");
        Path path;
        try (EventFile file = EventFile.create(dir)) {
            file.scalar("train/loss", 36, 0.25);
            file.resumedAt(24);
            path = file.path();
        }
        List<byte[]> records = records(path);
        String version = decodeRaw(records.get(0), dir);
        assertThat(version).contains("3: \"brain.Event:2\"");
        String scalar = decodeRaw(records.get(1), dir);
        // Event.step = 2, Event.summary = 5 { Summary.value = 1 { tag = 1, simple_value = 2 } }; 0.25f = 0x3e800000
        assertThat(scalar)
                .contains("2: 36")
                .contains("5 {")
                .contains("1: \"train/loss\"")
                .contains("2: 0x3e800000");
        String session = decodeRaw(records.get(2), dir);
        // Event.session_log = 7 { status = 1 (START) }
        assertThat(session).contains("2: 24").contains("7 {").contains("1: 1");
    }

    private static String decodeRaw(byte[] message, Path dir) throws Exception {
        Path in = Files.createTempFile(dir, "event", ".bin");
        Files.write(in, message);
        Process protoc = new ProcessBuilder("protoc", "--decode_raw")
                .redirectInput(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(protoc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(protoc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(protoc.exitValue()).as(out).isZero();
        return out;
    }
}
