package dev.genzoo.runtime.config;

import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.NearestName;
import dev.genzoo.runtime.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes experiment configs as YAML, with SnakeYAML's safe constructor (plain maps,
 * lists and scalars only). The file {@code genzoo train} writes is itself a valid {@code
 * --config}.
 */
public final class ConfigFile {
    private static final Set<String> TOP =
            Set.of("encoder", "prior", "decoder", "objective", "options", "data", "training", "device");
    private static final Set<String> DATA = Set.of("source", "binarize", "dequantize");
    private static final Set<String> TRAINING = Set.of("epochs", "batch-size", "learning-rate", "seed");

    private ConfigFile() {}

    /**
     * Reads a config file into a draft.
     *
     * @param file the YAML file
     * @return what the file sets
     * @throws GenzooException naming the file and what is wrong
     */
    public static ConfigDraft read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GenzooException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new GenzooException("config file " + file + " could not be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses config text into a draft.
     *
     * @param text YAML
     * @param file where the text came from, for messages
     * @return what the text sets
     * @throws GenzooException naming the origin and what is wrong
     */
    public static ConfigDraft parse(String text, String file) {
        Object tree;
        try (Reader reader = new StringReader(text)) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            throw new GenzooException(
                    String.format(
                            "config file %s is not valid YAML at line %d: %s",
                            file, e.getProblemMark().getLine() + 1, e.getProblem()),
                    e);
        } catch (YAMLException | IOException e) {
            throw new GenzooException("config file " + file + " could not be read: " + e.getMessage(), e);
        }
        if (tree == null) {
            return new ConfigDraft();
        }
        return draft(map(tree, "the top level", file), file);
    }

    private static ConfigDraft draft(Map<String, Object> top, String file) {
        ConfigDraft draft = new ConfigDraft();
        checkKeys(top, TOP, "", file);
        for (Role role : Role.values()) {
            if (top.containsKey(role.word())) {
                draft.components.put(role, scalar(top.get(role.word()), role.word(), file));
            }
        }
        if (top.containsKey("options")) {
            map(top.get("options"), "options", file).forEach((key, value) -> {
                Role role = roleNamed(key);
                if (role != null && value instanceof Map) {
                    Map<String, String> texts = new LinkedHashMap<>();
                    map(value, "options." + key, file)
                            .forEach((k, v) -> texts.put(k, scalar(v, "options." + key + "." + k, file)));
                    draft.roleOptions.put(role, texts);
                } else {
                    draft.options.put(key, scalar(value, "options." + key, file));
                }
            });
        }
        if (top.containsKey("data")) {
            Map<String, Object> data = map(top.get("data"), "data", file);
            checkKeys(data, DATA, "data.", file);
            draft.data = data.containsKey("source") ? scalar(data.get("source"), "data.source", file) : null;
            draft.binarize = data.containsKey("binarize") ? scalar(data.get("binarize"), "data.binarize", file) : null;
            draft.dequantize =
                    data.containsKey("dequantize") ? scalar(data.get("dequantize"), "data.dequantize", file) : null;
        }
        if (top.containsKey("training")) {
            Map<String, Object> training = map(top.get("training"), "training", file);
            checkKeys(training, TRAINING, "training.", file);
            draft.epochs = integer(training.get("epochs"), "training.epochs", file);
            draft.batchSize = integer(training.get("batch-size"), "training.batch-size", file);
            Object lr = training.get("learning-rate");
            draft.learningRate = lr == null ? null : number(lr, "training.learning-rate", file);
            Integer seed = integer(training.get("seed"), "training.seed", file);
            draft.seed = seed == null ? null : seed.longValue();
        }
        if (top.containsKey("device")) {
            draft.device = scalar(top.get("device"), "device", file);
        }
        return draft;
    }

    /**
     * Writes a resolved config atomically.
     *
     * @param file the target, usually {@code RUN_DIR/config.yaml}
     * @param config the resolved config
     */
    public static void write(Path file, ExperimentConfig config) {
        AtomicFiles.write(file, toYaml(config).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The YAML text of a resolved config.
     *
     * @param config the config
     * @return YAML in block style
     */
    public static String toYaml(ExperimentConfig config) {
        Map<String, Object> top = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            top.put(role.word(), config.component(role));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            options.put(role.word(), new LinkedHashMap<>(config.options(role)));
        }
        top.put("options", options);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", config.data().source());
        data.put("binarize", config.data().binarize());
        data.put("dequantize", config.data().dequantize());
        top.put("data", data);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", config.training().epochs());
        training.put("batch-size", config.training().batchSize());
        training.put("learning-rate", config.training().learningRate());
        training.put("seed", config.training().seed());
        top.put("training", training);
        top.put("device", config.device());
        DumperOptions style = new DumperOptions();
        style.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        style.setSplitLines(false);
        return "# genzoo experiment: pass back with --config, or resume with --resume\n"
                + new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(style), style).dump(top);
    }

    private static void checkKeys(Map<String, Object> map, Set<String> known, String prefix, String file) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new GenzooException(String.format(
                        "config file %s: unknown key '%s%s'%s", file, prefix, key, NearestName.suggestion(key, known)));
            }
        }
    }

    private static Role roleNamed(String word) {
        for (Role role : Role.values()) {
            if (role.word().equals(word.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where, String file) {
        if (!(value instanceof Map)) {
            throw new GenzooException(
                    String.format("config file %s: %s must be a mapping of keys to values", file, where));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String scalar(Object value, String where, String file) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value == null || value instanceof Map) {
            throw new GenzooException(String.format("config file %s: %s must be a single value", file, where));
        }
        return String.valueOf(value);
    }

    private static Integer integer(Object value, String where, String file) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw new GenzooException(String.format("config file %s: %s must be an integer, got '%s'", file, where, value));
    }

    private static double number(Object value, String where, String file) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new GenzooException(
                    String.format("config file %s: %s must be a number, got '%s'", file, where, value));
        }
    }
}
