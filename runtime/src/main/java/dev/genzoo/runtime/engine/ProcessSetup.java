package dev.genzoo.runtime.engine;

/**
 * The settings a genzoo process makes once, before the engine starts: DJL offline (its natives come
 * from the class path, never the network) and glibc's malloc thresholds (see {@link
 * NativeAllocator}). The command line calls it first thing; a program that embeds the runtime
 * calls it itself. Idempotent.
 */
public final class ProcessSetup {
    private ProcessSetup() {}

    /**
     * Applies the settings; calling again does nothing more.
     *
     * @return whether glibc accepted the allocator settings (false off Linux)
     */
    public static synchronized boolean apply() {
        System.setProperty("ai.djl.offline", "true");
        return NativeAllocator.tune();
    }
}
