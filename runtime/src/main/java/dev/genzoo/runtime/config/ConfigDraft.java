package dev.genzoo.runtime.config;

import dev.genzoo.api.Role;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user specified, from a config file and the command line; anything unset is null and
 * is filled with a default when the draft is resolved. Mutable; {@link #overlay} merges two.
 */
public final class ConfigDraft {
    /** Component names by role. */
    public final Map<Role, String> components = new EnumMap<>(Role.class);
    /** Options addressed to one role. */
    public final Map<Role, Map<String, String>> roleOptions = new EnumMap<>(Role.class);
    /** Options given as {@code key=value} (every role declaring the key) or {@code role.key=value}. */
    public final Map<String, String> options = new LinkedHashMap<>();
    /** The data source. */
    public String data;
    /** The binarization. */
    public String binarize;
    /** The dequantization. */
    public String dequantize;
    /** Epochs. */
    public Integer epochs;
    /** Batch size. */
    public Integer batchSize;
    /** Learning rate. */
    public Double learningRate;
    /** Seed. */
    public Long seed;
    /** Device: cpu, gpu, gpu:N. */
    public String device;

    /**
     * Lays another draft over this one: what {@code over} sets wins.
     *
     * @param over the draft given later (the command line over a file)
     * @return a new draft
     */
    public ConfigDraft overlay(ConfigDraft over) {
        ConfigDraft merged = new ConfigDraft();
        merged.components.putAll(components);
        merged.components.putAll(over.components);
        for (Map<Role, Map<String, String>> source : java.util.List.of(roleOptions, over.roleOptions)) {
            source.forEach((role, map) -> merged.roleOptions
                    .computeIfAbsent(role, r -> new LinkedHashMap<>())
                    .putAll(map));
        }
        merged.options.putAll(options);
        merged.options.putAll(over.options);
        merged.data = over.data != null ? over.data : data;
        merged.binarize = over.binarize != null ? over.binarize : binarize;
        merged.dequantize = over.dequantize != null ? over.dequantize : dequantize;
        merged.epochs = over.epochs != null ? over.epochs : epochs;
        merged.batchSize = over.batchSize != null ? over.batchSize : batchSize;
        merged.learningRate = over.learningRate != null ? over.learningRate : learningRate;
        merged.seed = over.seed != null ? over.seed : seed;
        merged.device = over.device != null ? over.device : device;
        return merged;
    }
}
