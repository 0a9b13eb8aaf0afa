package dev.genzoo.runtime.sweep;

import dev.genzoo.runtime.config.ConfigDraft;
import java.util.Map;

/**
 * One trial of a sweep: its number and name (the name of its run directory), the values the grid
 * and the random search gave it, and its config file (the spec's base with those values set).
 *
 * @param index from 0, in the order of the expansion
 * @param name {@code 003-prior=vamp-objective=iwae-seed=1}
 * @param assignments key (as in the spec) to value
 * @param configYaml the trial's config file, a {@code --config} for {@code genzoo train}
 * @param draft the same, read back and checked as a config file
 */
public record Trial(int index, String name, Map<String, Object> assignments, String configYaml, ConfigDraft draft) {}
