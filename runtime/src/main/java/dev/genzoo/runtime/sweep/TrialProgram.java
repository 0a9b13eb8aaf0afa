package dev.genzoo.runtime.sweep;

import java.util.List;

/**
 * How to start a {@code genzoo} process for a trial: the command line of the program, which the
 * command-line tool knows (its Java, class path and options), with a number of engine threads.
 */
@FunctionalInterface
public interface TrialProgram {

    /**
     * The full command line.
     *
     * @param threads the engine's threads for the process
     * @param arguments genzoo's arguments: {@code train --config FILE --run-dir DIR}
     * @return the process's command line
     */
    List<String> command(int threads, List<String> arguments);
}
