package dev.genzoo.runtime.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.callbacks.MetricsTable;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.image.LineChart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs compared: one row per run with its components, the options and settings that differ
 * between the runs, the last epoch's test bound, the NLL and its standard error where {@code
 * eval.json} exists, the parameters and the training time; sorted by the bound, best first. As
 * Markdown, as CSV, and the runs' test-loss curves overlaid in one PNG. Reads only files: the
 * run's {@code config.yaml}, {@code metrics.csv}, {@code eval.json} and {@code checkpoint.zip}.
 */
public final class Leaderboard {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** One run's numbers. */
    record Row(
            String name,
            Map<String, String> settings,
            double bound,
            double nll,
            double nllError,
            long parameters,
            double seconds,
            double[] epochs,
            double[] testLoss) {}

    private final List<Row> rows;
    private final List<String> differing;

    private Leaderboard(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(
                Comparator.comparingDouble((Row r) -> Double.isNaN(r.bound()) ? Double.POSITIVE_INFINITY : -r.bound()));
        this.rows = List.copyOf(sorted);
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.settings().keySet()));
        List<String> differ = new ArrayList<>();
        for (String key : keys) {
            if (isComponent(key)) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            rows.forEach(r -> values.add(Objects.toString(r.settings().get(key), "")));
            if (values.size() > 1) {
                differ.add(key);
            }
        }
        this.differing = List.copyOf(differ);
    }

    private static boolean isComponent(String key) {
        for (Role role : Role.values()) {
            if (role.word().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The leaderboard of runs: each path is a run directory, or a folder (a sweep's) whose run
     * directories are compared.
     *
     * @param paths run directories or folders of them
     * @return the leaderboard
     * @throws GenzooException if a path holds no run
     */
    public static Leaderboard of(List<Path> paths) {
        List<Row> rows = new ArrayList<>();
        for (Path path : paths) {
            if (isRun(path)) {
                rows.add(row(path, path.getFileName().toString()));
                continue;
            }
            if (!Files.isDirectory(path)) {
                throw new GenzooException("no run directory at " + path);
            }
            List<Path> runs;
            try (Stream<Path> entries = Files.list(path)) {
                runs = entries.filter(Leaderboard::isRun).sorted().toList();
            } catch (IOException e) {
                throw new GenzooException("could not read " + path + ": " + e.getMessage(), e);
            }
            if (runs.isEmpty()) {
                throw new GenzooException(path + " holds no run directory (a folder with config.yaml and metrics.csv)");
            }
            runs.forEach(run -> rows.add(row(run, run.getFileName().toString())));
        }
        return new Leaderboard(rows);
    }

    private static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("config.yaml")) && Files.isRegularFile(dir.resolve("metrics.csv"));
    }

    private static Row row(Path run, String name) {
        ConfigDraft draft = ConfigFile.read(run.resolve("config.yaml"));
        Map<String, String> settings = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            settings.put(role.word(), draft.components.getOrDefault(role, ""));
        }
        draft.roleOptions.forEach(
                (role, options) -> options.forEach((k, v) -> settings.put("options." + role.word() + "." + k, v)));
        draft.options.forEach((k, v) -> settings.put("options." + k, v));
        for (Map.Entry<Setting<?>, Object> e : draft.settings().entrySet()) {
            settings.put(e.getKey().path(), e.getKey().text(e.getValue()));
        }
        MetricsTable table = MetricsTable.resume(run.resolve("metrics.csv"), Integer.MAX_VALUE);
        double[] bounds = table.column("test_bound");
        double[] losses = table.column("test_loss");
        double bound = bounds.length == 0 ? Double.NaN : bounds[bounds.length - 1];
        if (Double.isNaN(bound) && losses.length > 0) {
            bound = -losses[losses.length - 1];
        }
        double[] nll = nll(run.resolve("eval.json"));
        return new Row(
                name,
                settings,
                bound,
                nll[0],
                nll[1],
                parameters(run.resolve("checkpoint.zip")),
                table.lastSeconds(),
                table.column("epoch"),
                losses);
    }

    /** The NLL of eval.json and the standard error of the estimate it came from; NaN without one. */
    private static double[] nll(Path file) {
        if (!Files.isRegularFile(file)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        try {
            JsonObject report = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            double nll = report.get("nll_nats").getAsDouble();
            String from = report.get("nll_from").getAsString();
            double error = Double.NaN;
            for (JsonElement element : report.getAsJsonArray("estimates")) {
                JsonObject estimate = element.getAsJsonObject();
                String name = estimate.get("name").getAsString();
                String label = estimate.has("k") && !name.equals("elbo")
                        ? name + " k=" + estimate.get("k").getAsInt()
                        : name;
                if (label.equals(from)) {
                    error = estimate.get("standard_error").getAsDouble();
                }
            }
            return new double[] {nll, error};
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException e) {
            throw new GenzooException("could not read " + file + ": it is not a genzoo evaluation report", e);
        }
    }

    /** The number of values in a checkpoint's parameters, from the .npy headers of parameters.npz. */
    static long parameters(Path checkpoint) {
        if (!Files.isRegularFile(checkpoint)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(checkpoint);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("parameters.npz")) {
                    return valuesInNpz(zip.readAllBytes());
                }
            }
            return 0;
        } catch (IOException e) {
            throw new GenzooException("could not read " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    private static long valuesInNpz(byte[] npz) throws IOException {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] magic = zip.readNBytes(8);
                int major = magic[6];
                byte[] size = zip.readNBytes(major == 1 ? 2 : 4);
                ByteBuffer lengths = ByteBuffer.wrap(size).order(ByteOrder.LITTLE_ENDIAN);
                int length = major == 1 ? lengths.getShort() & 0xFFFF : lengths.getInt();
                byte[] header = zip.readNBytes(length);
                Matcher shape = SHAPE.matcher(new String(header, StandardCharsets.US_ASCII));
                long values = 1;
                if (shape.find()) {
                    for (String dim : shape.group(1).split(",")) {
                        if (!dim.isBlank()) {
                            values *= Long.parseLong(dim.trim());
                        }
                    }
                }
                total += values;
            }
        }
        return total;
    }

    /** @return the runs, best bound first */
    List<Row> rows() {
        return rows;
    }

    /** @return the settings and options whose values differ between the runs */
    public List<String> differing() {
        return differing;
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(List.of("rank", "run", "encoder", "prior", "decoder", "objective"));
        header.addAll(differing);
        header.addAll(List.of("test bound", "NLL", "NLL se", "parameters", "seconds"));
        return header;
    }

    private List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        int rank = 1;
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(
                    Integer.toString(rank++),
                    row.name(),
                    row.settings().get("encoder"),
                    row.settings().get("prior"),
                    row.settings().get("decoder"),
                    row.settings().get("objective")));
            differing.forEach(key -> cells.add(row.settings().getOrDefault(key, "")));
            cells.add(number(row.bound()));
            cells.add(number(row.nll()));
            cells.add(number(row.nllError()));
            cells.add(Long.toString(row.parameters()));
            cells.add(String.format(Locale.ROOT, "%.1f", row.seconds()));
            out.add(cells);
        }
        return out;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** @return the leaderboard as a Markdown table */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        List<String> header = header();
        text.append("| ").append(String.join(" | ", header)).append(" |\n");
        text.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> cells : cells()) {
            text.append("| ")
                    .append(String.join(
                            " | ",
                            cells.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return text.toString();
    }

    /** @return the leaderboard as CSV (RFC 4180 quoting) */
    public String csv() {
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", header().stream().map(Leaderboard::csvCell).toList()))
                .append('\n');
        for (List<String> cells : cells()) {
            text.append(String.join(
                            ",", cells.stream().map(Leaderboard::csvCell).toList()))
                    .append('\n');
        }
        return text.toString();
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * Writes leaderboard.md, leaderboard.csv and curves.png (every run's test loss per epoch).
     *
     * @param dir the folder (created if absent)
     * @return the three files
     */
    public List<Path> write(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GenzooException("could not create " + dir + ": " + e.getMessage(), e);
        }
        Path md = dir.resolve("leaderboard.md");
        Path csv = dir.resolve("leaderboard.csv");
        Path png = dir.resolve("curves.png");
        AtomicFiles.write(md, markdown().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(csv, csv().getBytes(StandardCharsets.UTF_8));
        LineChart.Builder chart = LineChart.builder("test loss of " + rows.size() + " runs")
                .xLabel("epoch")
                .yLabel("test loss (nats per example)")
                .size(960, Math.max(600, 240 + 14 * rows.size()));
        rows.forEach(r -> chart.series(r.name(), r.epochs(), r.testLoss()));
        chart.build().write(png);
        return List.of(md, csv, png);
    }
}
