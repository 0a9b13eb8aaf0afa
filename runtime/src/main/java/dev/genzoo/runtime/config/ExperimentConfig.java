package dev.genzoo.runtime.config;

import dev.genzoo.api.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fully resolved experiment: every component name, every option value (defaults included),
 * data, training and device. Written to each run directory as {@code config.yaml}; it is enough
 * to re-create the run (after Tribuo's provenance). Immutable.
 */
public final class ExperimentConfig {
    private final Map<Role, String> components;
    private final Map<Role, Map<String, String>> options;
    private final DataSettings data;
    private final TrainingSettings training;
    private final String device;

    /**
     * A resolved configuration.
     *
     * @param components a name for every role
     * @param options every option of every component, as text
     * @param data the data settings
     * @param training the training settings
     * @param device cpu, gpu or gpu:N
     */
    public ExperimentConfig(
            Map<Role, String> components,
            Map<Role, Map<String, String>> options,
            DataSettings data,
            TrainingSettings training,
            String device) {
        EnumMap<Role, String> names = new EnumMap<>(Role.class);
        names.putAll(components);
        EnumMap<Role, Map<String, String>> values = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            if (!names.containsKey(role)) {
                throw new IllegalArgumentException("no " + role.word() + " named");
            }
            values.put(role, Collections.unmodifiableMap(new LinkedHashMap<>(options.getOrDefault(role, Map.of()))));
        }
        this.components = Collections.unmodifiableMap(names);
        this.options = Collections.unmodifiableMap(values);
        this.data = Objects.requireNonNull(data, "data");
        this.training = Objects.requireNonNull(training, "training");
        this.device = Objects.requireNonNull(device, "device");
    }

    /**
     * The component chosen for a role.
     *
     * @param role the role
     * @return the factory name
     */
    public String component(Role role) {
        return components.get(role);
    }

    /**
     * The option values of a role's component.
     *
     * @param role the role
     * @return key to text, in declaration order
     */
    public Map<String, String> options(Role role) {
        return options.get(role);
    }

    /**
     * The data settings.
     *
     * @return the data settings
     */
    public DataSettings data() {
        return data;
    }

    /**
     * The training settings.
     *
     * @return the training settings
     */
    public TrainingSettings training() {
        return training;
    }

    /**
     * The device.
     *
     * @return cpu, gpu or gpu:N
     */
    public String device() {
        return device;
    }

    /**
     * This configuration with other data settings.
     *
     * @param newData the data settings
     * @return a new configuration
     */
    public ExperimentConfig withData(DataSettings newData) {
        return new ExperimentConfig(components, options, newData, training, device);
    }

    /**
     * This configuration with other training settings.
     *
     * @param newTraining the training settings
     * @return a new configuration
     */
    public ExperimentConfig withTraining(TrainingSettings newTraining) {
        return new ExperimentConfig(components, options, data, newTraining, device);
    }

    /**
     * This configuration on another device.
     *
     * @param newDevice cpu, gpu or gpu:N
     * @return a new configuration
     */
    public ExperimentConfig withDevice(String newDevice) {
        return new ExperimentConfig(components, options, data, training, newDevice);
    }

    /**
     * The same settings as a draft, to be resolved again (a resumed run re-validates its config).
     *
     * @return a draft with everything set
     */
    public ConfigDraft toDraft() {
        ConfigDraft draft = new ConfigDraft();
        draft.components.putAll(components);
        options.forEach((role, map) -> draft.roleOptions.put(role, new LinkedHashMap<>(map)));
        draft.data = data.source();
        draft.binarize = data.binarize();
        draft.dequantize = data.dequantize();
        draft.epochs = training.epochs();
        draft.batchSize = training.batchSize();
        draft.learningRate = training.learningRate();
        draft.seed = training.seed();
        draft.device = device;
        return draft;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentConfig c
                && components.equals(c.components)
                && options.equals(c.options)
                && data.equals(c.data)
                && training.equals(c.training)
                && device.equals(c.device);
    }

    @Override
    public int hashCode() {
        return Objects.hash(components, options, data, training, device);
    }

    @Override
    public String toString() {
        return ConfigFile.toYaml(this);
    }
}
