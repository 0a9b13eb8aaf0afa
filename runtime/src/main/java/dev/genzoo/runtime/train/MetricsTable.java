package dev.genzoo.runtime.train;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.files.AtomicFiles;
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
 * {@code metrics.csv}: one row per epoch (epoch, step, seconds, train_* and test_* columns),
 * rewritten atomically after every epoch so it always matches the last checkpoint.
 */
public final class MetricsTable {
    private final Path file;
    private final List<String> header = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();

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
            table.header.addAll(List.of(lines.get(0).split(",", -1)));
            for (String line : lines.subList(1, lines.size())) {
                String first = line.split(",", 2)[0];
                if (!first.isBlank() && Integer.parseInt(first.trim()) <= lastEpoch) {
                    table.rows.add(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new GenzooException("could not read " + file + ": " + e.getMessage(), e);
        }
        return table;
    }

    /**
     * Appends a row and rewrites the file.
     *
     * @param record the epoch's numbers
     */
    public void append(EpochRecord record) {
        Map<String, Double> columns = new LinkedHashMap<>();
        record.train().forEach((k, v) -> columns.put("train_" + k, v));
        record.test().forEach((k, v) -> columns.put("test_" + k, v));
        if (header.isEmpty()) {
            header.add("epoch");
            header.add("step");
            header.add("seconds");
            header.addAll(columns.keySet());
        }
        StringBuilder row = new StringBuilder();
        row.append(record.epoch()).append(',').append(record.step()).append(',');
        row.append(String.format(Locale.ROOT, "%.3f", record.seconds()));
        for (String column : header.subList(3, header.size())) {
            Double v = columns.get(column);
            row.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
        }
        rows.add(row.toString());
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(r -> text.append(r).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A column's values, one per row (NaN where empty).
     *
     * @param column the column's name
     * @return the values in epoch order
     */
    public double[] column(String column) {
        int index = header.indexOf(column);
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            out[i] = index < 0 || index >= cells.length || cells[index].isEmpty()
                    ? Double.NaN
                    : Double.parseDouble(cells[index]);
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
