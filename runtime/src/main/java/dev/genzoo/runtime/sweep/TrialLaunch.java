package dev.genzoo.runtime.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A trial to run now: how it stood, and the genzoo arguments that start or resume it.
 *
 * @param trial the trial
 * @param state NEW or STOPPED
 * @param arguments {@code train --config FILE --run-dir DIR}, or {@code train --resume DIR}
 * @param log the file its output is appended to
 */
public record TrialLaunch(Trial trial, TrialState state, List<String> arguments, Path log) {}
