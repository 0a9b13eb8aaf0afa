package dev.genzoo.runtime.data;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The bundled 8x8 digits: the test portion of "Optical Recognition of Handwritten Digits" (E.
 * Alpaydin and C. Kaynak, 1998, UCI Machine Learning Repository, CC BY 4.0), see
 * digits.ATTRIBUTION.md.
 */
final class HandwrittenDigits {
    /** The source name users write. */
    static final String NAME = "digits";

    /** The gzipped CSV beside this class: per line 64 pixel counts 0..16, then the label. */
    static final String RESOURCE = "digits.csv.gz";

    /** The constant seed of the held-out split; changing it changes every reported test bound. */
    static final long SPLIT_SEED = 0x5EED_D161_75L;

    private static final int SIDE = 8;
    private static final int PIXELS = SIDE * SIDE;
    private static final int MAX_COUNT = 16;

    private HandwrittenDigits() {}

    /**
     * All 1,797 digits, a fifth of them (360) held out by a fixed permutation.
     *
     * @return 1,437 training and 360 test digits of shape (1, 8, 8), scaled by 1/16
     */
    static DataSplit load() {
        return HeldOutSplit.of(readAll(), 5, SPLIT_SEED);
    }

    /**
     * All digits in the bundled file, in its order.
     *
     * @return 1,797 labelled digits of shape (1, 8, 8), scaled by 1/16
     */
    static Dataset readAll() {
        InputStream stored = HandwrittenDigits.class.getResourceAsStream(RESOURCE);
        if (stored == null) {
            throw new GenzooException("the bundled digits data set " + RESOURCE
                    + " is missing from genzoo's class path; reinstall genzoo");
        }
        try (InputStream gzipped = stored;
                Reader text = new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8)) {
            return parse(text, RESOURCE);
        } catch (IOException e) {
            throw new GenzooException(
                    "cannot read the bundled " + RESOURCE + " (" + e.getMessage() + "); reinstall genzoo", e);
        }
    }

    /**
     * Digits from CSV text, one digit per line: 64 pixel counts 0..16 row by row, then its label.
     *
     * @param text the lines; blank lines are skipped
     * @param fileName the file's name, for messages
     * @return the digits as counts of 17 levels (values k / 16), with their labels
     * @throws GenzooException naming the line (and column) of the first malformed line
     * @throws IOException if reading fails
     */
    static Dataset parse(Reader text, String fileName) throws IOException {
        BufferedReader lines = new BufferedReader(text);
        byte[] values = new byte[2048 * PIXELS];
        int[] labels = new int[2048];
        int count = 0;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split(",", -1);
            if (columns.length != PIXELS + 1) {
                throw new GenzooException(fileName + " line " + lineNumber + " has " + columns.length
                        + " columns, expected " + (PIXELS + 1)
                        + " (64 pixels and a label)");
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, 2 * count);
                values = Arrays.copyOf(values, 2 * count * PIXELS);
            }
            for (int c = 0; c < PIXELS; c++) {
                int pixel = number(columns[c], fileName, lineNumber, c, MAX_COUNT);
                values[count * PIXELS + c] = (byte) pixel;
            }
            labels[count] = number(columns[PIXELS], fileName, lineNumber, PIXELS, 9);
            count++;
        }
        return Dataset.ofBytes(
                NAME,
                new Shape(1, SIDE, SIDE),
                Arrays.copyOf(values, count * PIXELS),
                MAX_COUNT + 1,
                Arrays.copyOf(labels, count));
    }

    private static int number(String column, String fileName, int line, int index, int max) {
        String what = index < PIXELS ? "a pixel count" : "a label";
        int value;
        try {
            value = Integer.parseInt(column.strip());
        } catch (NumberFormatException e) {
            throw new GenzooException(
                    fileName + " line " + line + " column " + (index + 1) + ": '" + column + "' is not " + what
                            + " from 0 to " + max,
                    e);
        }
        if (value < 0 || value > max) {
            throw new GenzooException(fileName + " line " + line + " column " + (index + 1) + ": " + value
                    + " is outside " + what + "'s range 0 to " + max);
        }
        return value;
    }
}
