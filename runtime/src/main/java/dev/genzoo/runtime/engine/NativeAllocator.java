package dev.genzoo.runtime.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps glibc's malloc from returning every large tensor buffer to the kernel. By default glibc
 * serves allocations above its mmap threshold with a fresh {@code mmap} and gives them back with
 * {@code munmap} when freed, so a training step that allocates and frees the same megabyte-sized
 * temporaries again and again pays for hundreds of page faults per step (measured: about 250 per
 * step of the vae-mlp workload, about 20 with this setting). Raising the mmap and trim thresholds
 * with {@code mallopt} keeps those buffers in the heap for reuse. Linux/glibc only; elsewhere, or if
 * the call fails, nothing changes.
 */
public final class NativeAllocator {
    /** glibc's {@code M_TRIM_THRESHOLD}. */
    private static final int M_TRIM_THRESHOLD = -1;
    /** glibc's {@code M_MMAP_THRESHOLD}. */
    private static final int M_MMAP_THRESHOLD = -3;
    /** Allocations up to this size stay in the heap (256 MiB; larger ones still use mmap). */
    static final int THRESHOLD = 256 << 20;

    private static final Logger LOGGER = LoggerFactory.getLogger(NativeAllocator.class);
    private static boolean applied;

    private NativeAllocator() {}

    /** The C library's mallopt. */
    interface CLibrary extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Applies the thresholds once per process.
     *
     * @return true if glibc accepted both settings
     */
    public static synchronized boolean tune() {
        if (applied) {
            return true;
        }
        if (!Platform.isLinux() || Boolean.getBoolean("genzoo.malloc.default")) {
            return false;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            applied = c.mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1 && c.mallopt(M_TRIM_THRESHOLD, THRESHOLD) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOGGER.debug("mallopt is not available; native allocation left as it is", e);
        }
        return applied;
    }
}
