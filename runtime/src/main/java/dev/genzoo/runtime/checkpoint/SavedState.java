package dev.genzoo.runtime.checkpoint;

/**
 * The header of a checkpoint: where training stood and the config that made it.
 *
 * @param epoch epochs completed
 * @param step optimizer steps taken
 * @param adamSteps Adam's t
 * @param configYaml the resolved config, as YAML text
 * @param genzooVersion the version that wrote it
 */
public record SavedState(int epoch, long step, long adamSteps, String configYaml, String genzooVersion) {}
