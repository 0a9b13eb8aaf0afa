package dev.genzoo.cli;

import dev.genzoo.runtime.sweep.TrialProgram;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This genzoo as a program for trials: the same Java, class path and JVM options as the running
 * process (those of the launcher: offline engine, headless, JIT settings), with the engine's thread
 * count set for the trial.
 */
final class GenzooProgram implements TrialProgram {
    private static final String THREADS = "-Dai.djl.pytorch.num_threads=";

    private final List<String> prefix;

    private GenzooProgram(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** The running genzoo. */
    static GenzooProgram current() {
        List<String> prefix = new ArrayList<>();
        prefix.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean option = argument.startsWith("-D") || argument.startsWith("-X");
            if (option && !argument.startsWith(THREADS) && !argument.startsWith("-Dsun.java.command")) {
                prefix.add(argument);
            }
        }
        prefix.add("-cp");
        prefix.add(System.getProperty("java.class.path"));
        return new GenzooProgram(prefix);
    }

    @Override
    public List<String> command(int threads, List<String> arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.add(prefix.size() - 2, THREADS + threads);
        command.add(Main.class.getName());
        command.addAll(arguments);
        return command;
    }
}
