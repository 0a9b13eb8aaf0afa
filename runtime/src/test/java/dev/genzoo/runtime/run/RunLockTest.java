package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.genzoo.api.GenzooException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-directory lock against another process's POSIX record lock on its file (Python's {@code
 * fcntl.lockf}, the lock Java's FileChannel takes on Linux): a holder of a moment, such as another
 * process checking the folder, does not make a starter give up, and a holder that writes its pid
 * a moment after locking is named by it. Skipped, saying so, where python3 is absent.
 */
final class RunLockTest {
    /** Locks the file, says so, waits, writes its pid (unless told not to), holds it, and ends. */
    private static final String HOLDER = String.join(
            "\n",
            "import fcntl, os, sys, time",
            "f = open(sys.argv[1], 'r+b')",
            "fcntl.lockf(f, fcntl.LOCK_EX)",
            "print('locked', flush=True)",
            "time.sleep(float(sys.argv[2]))",
            "if sys.argv[3] == 'pid':",
            "    f.truncate(0); f.write(str(os.getpid()).encode() + b'\\n'); f.flush()",
            "time.sleep(float(sys.argv[4]))");

    private static Process hold(Path dir, double beforePid, boolean pid, double after) throws IOException {
        assumeTrue(python(), "python3 is not installed");
        Path file = dir.resolve(RunLock.FILE);
        Files.write(file, new byte[0]);
        Process holder = new ProcessBuilder(
                        "python3",
                        "-c",
                        HOLDER,
                        file.toString(),
                        Double.toString(beforePid),
                        pid ? "pid" : "none",
                        Double.toString(after))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return holder;
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aHolderOfAMomentDoesNotMakeAStarterGiveUp(@TempDir Path dir) throws Exception {
        Process holder = hold(dir, 0.15, false, 0);
        try (RunLock lock = RunLock.acquire(dir)) {
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve(RunLock.FILE)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aHolderIsNamedByThePidItWritesAMomentAfterLocking(@TempDir Path dir) throws Exception {
        Process holder = hold(dir, 0.15, true, 5);
        try {
            assertThatThrownBy(() -> RunLock.acquire(dir))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("run directory " + dir + " is in use by process " + holder.pid()
                            + ", which is training in it; wait for it to end or stop it first");
            assertThat(RunLock.heldBy(dir)).isEqualTo(Long.toString(holder.pid()));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(RunLock.heldBy(dir))
                .as("the OS released the ended holder's lock")
                .isNull();
    }
}
