package dev.genzoo.runtime.run;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per run directory: an exclusive lock on {@code .genzoo.lock} in the folder, holding
 * the pid of the process that trains, resumes or fits a prior there. The operating system releases
 * the lock when that process ends, however it ends, so a killed run never leaves a stale lock; the
 * file itself stays, naming the last holder. A second process is refused with the holder's pid.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name in a run directory. */
    public static final String FILE = ".genzoo.lock";

    private static final int RETRIES = 25;
    private static final long RETRY_MILLIS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes a run directory's lock, or refuses.
     *
     * @param dir an existing run directory
     * @return the held lock; close it to release it
     * @throws GenzooException naming the holder's pid if another process (or this one) holds it
     */
    public static RunLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new GenzooException("run directory " + dir + " is in use by process " + holder
                        + ", which is training in it; wait for it to end or stop it first");
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new GenzooException("could not lock run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pid a run directory's lock file names while another process holds the lock.
     *
     * @param dir a run directory
     * @return the holder's pid as text, or null if nobody holds the lock
     */
    public static String heldBy(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return null;
            }
            return holder(channel);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The lock, or null if another holds it. A process that only looks ({@link #heldBy}, as a new
     * run's check of its folder does) holds the lock for microseconds, so a refusal is tried again
     * for a moment before it counts: two processes started together must not both give up.
     */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null || attempt == RETRIES) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                return null; // this process holds it: waiting will not help
            }
            pause();
        }
    }

    /**
     * The pid the holder wrote, waiting a moment for it: a holder that has just taken the lock has
     * emptied the file and not yet written its pid.
     */
    private static String holder(FileChannel channel) throws IOException {
        for (int attempt = 0; ; attempt++) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            if (text.matches("[0-9]+")) {
                return text;
            }
            if (attempt == RETRIES) {
                return "(unknown pid)";
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
