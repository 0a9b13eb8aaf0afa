package dev.genzoo.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.run.GenzooRuntime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run's event file read by a reader that is not genzoo's: every record's two CRC-32Cs
 * recomputed from the definition ({@link EventFileTest#records}), then each event decoded by
 * Debian's {@code protoc --decode} against a schema written here from the format's public field
 * numbers. The scalars are metrics.csv's numbers, and the final samples are samples.png itself, its
 * size as the PNG's own header says and as javax.imageio decodes it. Skipped, saying so, where
 * protoc is absent (.ci/run installs it).
 */
final class RunEventsDecodedTest {
    private static final String SCHEMA = String.join(
            "\n",
            "syntax = \"proto3\";",
            "package check;",
            "message Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }",
            "message Summary { repeated Value value = 1; }",
            "message Value { string tag = 1; float simple_value = 2; Image image = 4; }",
            "message Image { int32 height = 1; int32 width = 2; int32 colorspace = 3; bytes encoded_image_string = 4; }",
            "");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** One summary value as protoc printed it. */
    record Value(long step, String tag, Float simple, Map<String, String> image) {}

    @Test
    void protocDecodesARealRunsScalarsAndImagesAgainstAnIndependentSchema(@TempDir Path dir) throws Exception {
        assumeTrue(protocPresent(), "protoc (Debian package protobuf-compiler) is not installed; .ci/run installs it");
        GenzooRuntime runtime = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "16");
        draft.options.put("latent", "2");
        draft.set(Settings.EPOCHS, 2);
        draft.set(Settings.TENSORBOARD_IMAGES, 1);
        Path run = dir.resolve("run");
        runtime.train(runtime.resolve(draft), run);

        Path file;
        try (Stream<Path> list = Files.list(run)) {
            file = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
                    .findFirst()
                    .orElseThrow();
        }
        Path schema = dir.resolve("event.proto");
        Files.writeString(schema, SCHEMA);
        List<byte[]> records = EventFileTest.records(file);
        assertThat(decode(records.get(0), schema)).contains("file_version: \"brain.Event:2\"");
        List<Value> values = new ArrayList<>();
        for (byte[] record : records.subList(1, records.size())) {
            values.addAll(values(decode(record, schema)));
        }

        // every epoch's numbers are metrics.csv's (six significant digits there, a float here)
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(lines).hasSize(3);
        TreeSet<String> columns = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            long step = Long.parseLong(cells[header.indexOf("step")]);
            Map<String, Float> scalars = new LinkedHashMap<>();
            values.stream()
                    .filter(v -> v.step() == step && v.simple() != null)
                    .forEach(v -> scalars.put(v.tag(), v.simple()));
            assertThat(scalars.get("epoch")).isEqualTo(Float.parseFloat(cells[header.indexOf("epoch")]));
            assertThat(scalars.get("learning_rate")).isEqualTo(0.001f);
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                if (!column.startsWith("train_") && !column.startsWith("test_")) {
                    continue;
                }
                String tag = column.replaceFirst("_", "/");
                double csv = Double.parseDouble(cells[c]);
                assertThat(scalars).as("step %d", step).containsKey(tag);
                assertThat((double) scalars.get(tag))
                        .as("%s at step %d", tag, step)
                        .isBetween(csv - 6e-6 * Math.abs(csv) - 1e-12, csv + 6e-6 * Math.abs(csv) + 1e-12);
                columns.add(tag);
            }
            TreeSet<String> tagged = new TreeSet<>();
            scalars.keySet().stream()
                    .filter(t -> t.startsWith("train/") || t.startsWith("test/"))
                    .forEach(tagged::add);
            assertThat(tagged)
                    .as("the event's train/ and test/ tags are the csv's columns")
                    .isEqualTo(columns);
        }
        assertThat(columns).contains("train/loss", "test/bound");

        // the samples of epoch 1, and the final ones: samples.png itself
        assertThat(values.stream().filter(v -> v.image() != null).map(Value::tag))
                .contains("samples", "final/samples");
        Value last = values.stream()
                .filter(v -> v.tag().equals("final/samples"))
                .findFirst()
                .orElseThrow();
        byte[] png = unescape(last.image().get("encoded_image_string"));
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(png).isEqualTo(Files.readAllBytes(run.resolve("samples.png")));
        // IHDR: width then height, big-endian, at bytes 16 and 20
        int width = ByteBuffer.wrap(png, 16, 4).getInt();
        int height = ByteBuffer.wrap(png, 20, 4).getInt();
        assertThat(Integer.parseInt(last.image().get("width"))).isEqualTo(width);
        assertThat(Integer.parseInt(last.image().get("height"))).isEqualTo(height);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        assertThat(width).isGreaterThan(8);
        for (Value image : values.stream().filter(v -> v.image() != null).toList()) {
            byte[] bytes = unescape(image.image().get("encoded_image_string"));
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(read.getWidth())
                    .as(image.tag())
                    .isEqualTo(Integer.parseInt(image.image().get("width")));
            assertThat(read.getHeight())
                    .as(image.tag())
                    .isEqualTo(Integer.parseInt(image.image().get("height")));
        }
    }

    private static boolean protocPresent() {
        try {
            return new ProcessBuilder("protoc", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String decode(byte[] message, Path schema) throws Exception {
        Path in = Files.createTempFile(schema.getParent(), "event", ".bin");
        Files.write(in, message);
        Process protoc = new ProcessBuilder(
                        "protoc", "--decode=check.Event", "--proto_path=" + schema.getParent(), schema.toString())
                .redirectInput(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(protoc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(protoc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(protoc.exitValue()).as(out).isZero();
        return out;
    }

    /** The summary values of protoc's text format: one "name: value" or "name {" or "}" a line. */
    static List<Value> values(String text) {
        List<Value> found = new ArrayList<>();
        long step = 0;
        String tag = null;
        Float simple = null;
        Map<String, String> image = null;
        boolean inImage = false;
        for (String raw : text.lines().toList()) {
            String line = raw.trim();
            if (line.equals("value {")) {
                tag = null;
                simple = null;
                image = null;
            } else if (line.equals("image {")) {
                image = new LinkedHashMap<>();
                inImage = true;
            } else if (line.equals("}")) {
                if (inImage) {
                    inImage = false;
                } else if (tag != null) {
                    found.add(new Value(step, tag, simple, image));
                    tag = null;
                }
            } else if (line.contains(": ")) {
                String name = line.substring(0, line.indexOf(": "));
                String value = line.substring(line.indexOf(": ") + 2);
                if (inImage) {
                    image.put(name, value);
                } else if (name.equals("step")) {
                    step = Long.parseLong(value);
                } else if (name.equals("tag")) {
                    tag = new String(unescape(value), StandardCharsets.UTF_8);
                } else if (name.equals("simple_value")) {
                    simple = Float.parseFloat(value);
                }
            }
        }
        return found;
    }

    /** A quoted string of protoc's text format as bytes: C escapes, octal for other bytes. */
    static byte[] unescape(String quoted) {
        assertThat(quoted).startsWith("\"").endsWith("\"");
        String s = quoted.substring(1, quoted.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '"', '\'', '\\' -> out.write(e);
                case 'x' -> {
                    int end = i + 1;
                    while (end < s.length() && end < i + 3 && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    out.write(Integer.parseInt(s.substring(i + 1, end), 16));
                    i = end - 1;
                }
                default -> {
                    int end = i;
                    while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                        end++;
                    }
                    if (end == i) {
                        throw new AssertionError("unknown escape \\" + e + " in " + quoted);
                    }
                    out.write(Integer.parseInt(s.substring(i, end), 8));
                    i = end - 1;
                }
            }
        }
        return out.toByteArray();
    }
}
