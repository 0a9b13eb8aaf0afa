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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        Set<String> known = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            known.add(role.word());
        }
        known.add("options");
        for (String section : Settings.sections()) {
            if (section.isEmpty()) {
                Settings.inSection(section).forEach(setting -> known.add(setting.name()));
            } else {
                known.add(section);
            }
        }
        checkKeys(top, known, "", file);
        for (Role role : Role.values()) {
            if (top.containsKey(role.word())) {
                draft.components.put(role, scalar(top.get(role.word()), role.word(), file));
            }
        }
        if (top.containsKey("options")) {
            map(top.get("options"), "options", file).forEach((key, value) -> {
                Role role = roleNamed(key);
                if (role == null && value instanceof Map) {
                    List<String> roles = new ArrayList<>();
                    for (Role r : Role.values()) {
                        roles.add(r.word());
                    }
                    throw new GenzooException(String.format(
                            "config file %s: options.%s holds options, but '%s' is no role (roles: %s)%s",
                            file, key, key, String.join(", ", roles), NearestName.suggestion(key, roles)));
                }
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
        for (String section : Settings.sections()) {
            Map<String, Object> values;
            if (section.isEmpty()) {
                values = top;
            } else if (top.containsKey(section)) {
                values = map(top.get(section), section, file);
                Set<String> keys = new LinkedHashSet<>();
                Settings.inSection(section).forEach(setting -> keys.add(setting.name()));
                checkKeys(values, keys, section + ".", file);
            } else {
                continue;
            }
            for (Setting<?> setting : Settings.inSection(section)) {
                Object value = values.get(setting.name());
                if (value != null) {
                    set(draft, setting, setting.check(value, "config file " + file + ": " + setting.path()));
                }
            }
        }
        return draft;
    }

    private static <T> void set(ConfigDraft draft, Setting<T> setting, Object value) {
        draft.set(setting, setting.type().cast(value));
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
        for (String section : Settings.sections()) {
            Map<String, Object> values = section.isEmpty() ? top : new LinkedHashMap<>();
            Settings.inSection(section).forEach(setting -> values.put(setting.name(), config.get(setting)));
            if (!section.isEmpty()) {
                top.put(section, values);
            }
        }
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
}
