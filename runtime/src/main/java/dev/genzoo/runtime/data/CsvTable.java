package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A table of real-valued features in comma-separated values (RFC 4180: fields may be quoted), one
 * example per line: tabular data for the MLP models with a Gaussian decoder. The first line is a
 * header when a field of it is not a number, the label column left out when it is given by number
 * (class names there are labels, as in UCI's iris.data). One column may hold class labels: integers from 0,
 * or names, numbered in sorted order. A fixed fraction is held out for testing.
 */
final class CsvTable {
    /** The constant seed of a table's held-out permutation. */
    static final long SPLIT_SEED = 0xC5B7_AB1EL;

    /** U+FEFF, which spreadsheets write before a "CSV UTF-8" file's first line. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvTable() {}

    /** Whether a file is read here, by its name. */
    static boolean reads(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Reads a table and holds out a fraction.
     *
     * @param file the file
     * @param options the label column and the held-out fraction
     * @param name the data set's name
     * @return the split: examples of shape (D), D the number of feature columns
     * @throws GenzooException naming the file and line (and column) of a ragged row, a field that
     *     is not a finite number, or a label column that is not there
     */
    static DataSplit load(Path file, DataOptions options, String name) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (number == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    rows.add(fields(line, file, number));
                    lineNumbers.add(number);
                }
            }
        } catch (AccessDeniedException e) {
            throw new GenzooException("genzoo may not read " + file + "; check its permissions", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new GenzooException(file + " is not a text file in UTF-8, so not a CSV table", e);
        } catch (IOException e) {
            throw new GenzooException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new GenzooException(file + " is empty: a CSV table needs a row per example");
        }
        String[] first = rows.get(0);
        boolean header = isHeader(first, options.labelColumn());
        int labelColumn = labelColumn(options.labelColumn(), header ? first : null, first.length, file);
        int start = header ? 1 : 0;
        int n = rows.size() - start;
        if (n < 2) {
            throw new GenzooException(file + " holds " + n + " example" + (n == 1 ? "" : "s")
                    + "; a data set needs at least 2, to train on one part and test on the other");
        }
        int features = first.length - (labelColumn >= 0 ? 1 : 0);
        if (features < 1) {
            throw new GenzooException(file + " has no feature column besides its label column");
        }
        float[] values = new float[Math.multiplyExact(n, features)];
        String[] labelTexts = labelColumn >= 0 ? new String[n] : null;
        for (int r = 0; r < n; r++) {
            String[] row = rows.get(start + r);
            int line = lineNumbers.get(start + r);
            if (row.length != first.length) {
                throw new GenzooException(file + " line " + line + " has " + row.length + " columns, but line "
                        + lineNumbers.get(0) + " has " + first.length);
            }
            int f = 0;
            for (int c = 0; c < row.length; c++) {
                if (c == labelColumn) {
                    labelTexts[r] = row[c].strip();
                    continue;
                }
                values[r * features + f++] = number(row[c], file, line, c);
            }
        }
        Dataset all = new Dataset(name, new Shape(features), values, null);
        if (labelTexts != null) {
            all = labelled(all, labelTexts);
        }
        return HeldOutSplit.apply(all, HeldOutSplit.heldOut(n, HeldOutSplit.count(n, options.heldOut()), SPLIT_SEED));
    }

    /** Whether a first line is a header: a field not a number outside a label column given by number. */
    private static boolean isHeader(String[] first, Optional<String> labelColumn) {
        String column = labelColumn.map(String::strip).orElse("");
        int numbered = column.matches("\\d{1,9}") ? Integer.parseInt(column) - 1 : -1;
        for (int c = 0; c < first.length; c++) {
            if (c != numbered && !isNumber(first[c])) {
                return true;
            }
        }
        return false;
    }

    /** Labels as integers from 0 when every one is, else as names numbered in sorted order. */
    private static Dataset labelled(Dataset all, String[] texts) {
        int[] labels = new int[texts.length];
        boolean integers = true;
        for (int i = 0; i < texts.length && integers; i++) {
            integers = texts[i].matches("\\d{1,9}");
            labels[i] = integers ? Integer.parseInt(texts[i]) : 0;
        }
        if (integers) {
            return all.withLabels(labels);
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(Arrays.asList(texts)));
        for (int i = 0; i < texts.length; i++) {
            labels[i] = java.util.Collections.binarySearch(classes, texts[i]);
        }
        return all.withLabels(labels).withClasses(classes);
    }

    private static int labelColumn(Optional<String> given, String[] header, int columns, Path file) {
        if (given.isEmpty()) {
            return -1;
        }
        String column = given.get().strip();
        if (header != null) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].strip().equals(column)) {
                    return c;
                }
            }
        }
        if (column.matches("\\d{1,9}")) {
            int number = Integer.parseInt(column);
            if (number >= 1 && number <= columns) {
                return number - 1;
            }
            throw new GenzooException(file + " has " + columns + " columns, so it has no label column " + number);
        }
        throw new GenzooException(file
                + (header == null
                        ? " has no header line, so its label column must be given by number from 1, not '" + column
                                + "'"
                        : " has no column '" + column + "' (its header names " + String.join(", ", header) + ")"));
    }

    /** A line's fields, split at commas outside double quotes, quotes removed ("" inside is one "). */
    static String[] fields(String line, Path file, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new GenzooException(file + " line " + number + " has a quote that is never closed");
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float number(String field, Path file, int line, int column) {
        double v;
        try {
            v = Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            throw new GenzooException(
                    file + " line " + line + " column " + (column + 1) + ": '" + field.strip() + "' is not a number",
                    e);
        }
        if (!Double.isFinite(v)) {
            throw new GenzooException(file + " line " + line + " column " + (column + 1) + ": '" + field.strip()
                    + "' is not a finite number");
        }
        return (float) v;
    }
}
