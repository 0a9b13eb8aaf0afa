package dev.genzoo.runtime.events;

import dev.genzoo.api.GenzooException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One TensorBoard event file, {@code events.out.tfevents.<seconds>.<host>.<pid>}: TFRecords, each
 * the length (8 bytes, little-endian), its masked CRC-32C, the event, and the event's masked
 * CRC-32C. The first record names the format's version. Flushed on {@link #flush()} and {@link
 * #close()}; a kill can cut only the last record short, which TensorBoard skips. Not thread-safe.
 */
public final class EventFile implements AutoCloseable {
    private final Path path;
    private final OutputStream out;

    private EventFile(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    /**
     * Creates a new event file in a folder (created if absent).
     *
     * @param folder where TensorBoard will look
     * @return the open file, its version record written
     */
    public static EventFile create(Path folder) {
        long now = System.currentTimeMillis();
        String name = String.format(
                Locale.ROOT,
                "events.out.tfevents.%d.%s.%d",
                now / 1000,
                host(),
                ProcessHandle.current().pid());
        Path path = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            for (int i = 2; Files.exists(path); i++) {
                path = folder.resolve(name + "." + i);
            }
            EventFile file = new EventFile(
                    path, new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)));
            file.record(EventMessages.fileVersion(now / 1000.0));
            return file;
        } catch (IOException e) {
            throw new GenzooException("could not create the TensorBoard event file " + path + ": " + e.getMessage(), e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /**
     * Adds a scalar.
     *
     * @param tag its name, {@code test/bound}
     * @param step the x axis
     * @param value the number
     */
    public void scalar(String tag, long step, double value) {
        record(EventMessages.scalar(wallTime(), step, tag, (float) value));
    }

    /**
     * Adds an image.
     *
     * @param tag its name
     * @param step the x axis
     * @param png the PNG's bytes
     * @param height its height
     * @param width its width
     * @param colorspace 1 grey, 3 RGB, 4 RGBA
     */
    public void image(String tag, long step, byte[] png, int height, int width, int colorspace) {
        record(EventMessages.image(wallTime(), step, tag, png, height, width, colorspace));
    }

    /**
     * Marks a run resumed at a step: TensorBoard forgets what earlier files recorded past it.
     *
     * @param step the step the run resumed from
     */
    public void resumedAt(long step) {
        record(EventMessages.sessionStart(wallTime(), step));
    }

    private static double wallTime() {
        return System.currentTimeMillis() / 1000.0;
    }

    /**
     * Frames one record: length, masked CRC of the length, data, masked CRC of the data.
     *
     * @param data the serialized event
     * @return the record's bytes
     */
    static byte[] frame(byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(MaskedCrc.of(record.array(), 0, 8));
        record.put(data);
        record.putInt(MaskedCrc.of(data, 0, data.length));
        return record.array();
    }

    private void record(byte[] data) {
        try {
            out.write(frame(data));
        } catch (IOException e) {
            throw new GenzooException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes what is buffered to the file. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new GenzooException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new GenzooException("could not write " + path + ": " + e.getMessage(), e);
        }
    }
}
