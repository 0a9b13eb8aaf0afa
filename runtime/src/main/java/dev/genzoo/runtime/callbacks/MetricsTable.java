package dev.genzoo.runtime.callbacks;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.files.AtomicFiles;
import dev.genzoo.runtime.train.EpochRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metrics.csv}: one row per epoch ({@code epoch}, {@code step}, {@code seconds}, then a
 * {@code train_} and a {@code test_} column per number, six significant digits, integers as
 * integers), rewritten atomically after every epoch
 * so it always matches the last checkpoint. A number that first appears in a later epoch gets its
 * column then, empty in the rows before.
 */
public final class MetricsTable {
    private static final List<String> FIRST = List.of("epoch", "step", "seconds");

    private final Path file;
    private final List<String> header = new ArrayList<>(FIRST);
    private final List<Map<String, String>> rows = new ArrayList<>();

    private MetricsTable(Path file) {
        this.file = file;
    }

    /**
     * A new, empty table.
     *
     * @param file where it is written
     * @return the table
     */
    public static MetricsTable create(Path file) {
        return new MetricsTable(file);
    }

    /**
     * The rows of an existing table up to and including an epoch (later rows, written after the
     * last checkpoint by a run that was killed, are dropped).
     *
     * @param file the table
     * @param lastEpoch the checkpoint's epoch
     * @return the table
     * @throws GenzooException if the file cannot be read or is not such a table
     */
    public static MetricsTable resume(Path file, int lastEpoch) {
        MetricsTable table = new MetricsTable(file);
        if (!Files.exists(file)) {
            return table;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return table;
            }
            List<String> names = List.of(lines.get(0).split(",", -1));
            if (!names.subList(0, Math.min(3, names.size())).equals(FIRST)) {
                throw new GenzooException(file + " is not a genzoo metrics table (its header is " + lines.get(0) + ")");
            }
            table.header.clear();
            table.header.addAll(names);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells[0].isBlank() || Integer.parseInt(cells[0].trim()) > lastEpoch) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.length && i < names.size(); i++) {
                    if (!cells[i].isEmpty()) {
                        row.put(names.get(i), cells[i]);
                    }
                }
                table.rows.add(row);
            }
        } catch (IOException | NumberFormatException e) {
            throw new GenzooException("could not read " + file + ": " + e.getMessage(), e);
        }
        return table;
    }

    /**
     * Appends a row (adding a column for each number not seen before) and rewrites the file.
     *
     * @param record the epoch's numbers
     */
    public void append(EpochRecord record) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("epoch", Integer.toString(record.epoch()));
        row.put("step", Long.toString(record.step()));
        row.put("seconds", String.format(Locale.ROOT, "%.3f", record.seconds()));
        record.train().forEach((k, v) -> row.put("train_" + k, number(v)));
        record.test().forEach((k, v) -> row.put("test_" + k, number(v)));
        row.keySet().forEach(column -> {
            if (!header.contains(column)) {
                header.add(column);
            }
        });
        rows.add(row);
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            header.forEach(column -> cells.add(r.getOrDefault(column, "")));
            text.append(String.join(",", cells)).append('\n');
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Six significant digits, or an integer as an integer (a count of codes, say). */
    static String number(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * A column's values, one per row (NaN where empty).
     *
     * @param column the column's name
     * @return the values in epoch order
     */
    public double[] column(String column) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String cell = rows.get(i).get(column);
            out[i] = cell == null ? Double.NaN : Double.parseDouble(cell);
        }
        return out;
    }

    /**
     * The seconds of training the last row records, where a resumed run's clock starts.
     *
     * @return the last row's seconds, 0 for an empty table
     */
    public double lastSeconds() {
        double[] seconds = column("seconds");
        return seconds.length == 0 ? 0 : seconds[seconds.length - 1];
    }

    /**
     * The column names.
     *
     * @return the header
     */
    public List<String> header() {
        return List.copyOf(header);
    }

    /**
     * The number of rows.
     *
     * @return rows written
     */
    public int size() {
        return rows.size();
    }
}
