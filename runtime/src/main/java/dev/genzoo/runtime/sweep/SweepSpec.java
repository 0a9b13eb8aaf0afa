package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ConfigFile;
import dev.genzoo.runtime.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A sweep spec, read with SnakeYAML's safe constructor: {@code base} (any keys of a config file),
 * {@code grid} (key to a list of values: every combination), {@code random} ({@code trials}, an
 * optional {@code seed}, and key to a {@link SearchSpace}: that many draws, each combined with every
 * grid point), and the launcher's {@code sweep} and {@code slurm} sections (see {@link
 * SweepSettings}; {@code slurm.extra} is a list of {@code #SBATCH} lines passed through). A key
 * names a place in a config file with dots: {@code prior}, {@code training.seed}, {@code
 * options.objective.k}.
 */
public final class SweepSpec {
    private static final Set<String> TOP = Set.of("base", "grid", "random", "sweep", "slurm");

    private final String file;
    private final String text;
    private final Map<String, Object> base;
    private final Map<String, List<Object>> grid = new LinkedHashMap<>();
    private final Map<String, SearchSpace> random = new LinkedHashMap<>();
    private final int randomTrials;
    private final long randomSeed;
    private final Map<Setting<?>, Object> launch = new LinkedHashMap<>();
    private final List<String> sbatchLines = new ArrayList<>();

    private SweepSpec(String file, String text, Map<String, Object> top) {
        this.file = file;
        this.text = text;
        for (String key : top.keySet()) {
            if (!TOP.contains(key)) {
                throw new GenzooException(String.format(
                        "sweep spec %s: unknown key '%s' (a spec has base, grid, random, sweep, slurm)", file, key));
            }
        }
        this.base = top.containsKey("base") ? map(top.get("base"), "base") : new LinkedHashMap<>();
        if (top.containsKey("grid")) {
            map(top.get("grid"), "grid").forEach((key, values) -> {
                if (!(values instanceof List<?> list) || list.isEmpty()) {
                    throw new GenzooException(
                            String.format("sweep spec %s: grid.%s must be a list of values", file, key));
                }
                grid.put(key, List.copyOf(list));
            });
        }
        int trials = 0;
        long seed = 0;
        if (top.containsKey("random")) {
            Map<String, Object> section = map(top.get("random"), "random");
            if (!(section.get("trials") instanceof Integer n) || n < 1) {
                throw new GenzooException(
                        String.format("sweep spec %s: random.trials must be a number of draws, at least 1", file));
            }
            trials = n;
            if (section.containsKey("seed")) {
                if (!(section.get("seed") instanceof Number s)) {
                    throw new GenzooException(String.format("sweep spec %s: random.seed must be an integer", file));
                }
                seed = s.longValue();
            }
            section.forEach((key, value) -> {
                if (!key.equals("trials") && !key.equals("seed")) {
                    random.put(key, SearchSpace.parse(key, value, file));
                }
            });
        }
        this.randomTrials = trials;
        this.randomSeed = seed;
        for (String section : List.of("sweep", "slurm")) {
            if (!top.containsKey(section)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(map(top.get(section), section));
            if (section.equals("slurm") && values.containsKey("extra")) {
                Object extra = values.remove("extra");
                if (!(extra instanceof List<?> lines)) {
                    throw new GenzooException(
                            String.format("sweep spec %s: slurm.extra must be a list of #SBATCH lines", file));
                }
                lines.forEach(line -> sbatchLines.add(SlurmScript.sbatchLine(String.valueOf(line))));
            }
            values.forEach((key, value) -> {
                Setting<?> setting = SweepSettings.ALL.stream()
                        .filter(s -> s.section().equals(section) && s.name().equals(key))
                        .findFirst()
                        .orElseThrow(() -> new GenzooException(
                                String.format("sweep spec %s: unknown key '%s.%s'", file, section, key)));
                launch.put(setting, setting.check(value, "sweep spec " + file + ": " + setting.path()));
            });
        }
        if (grid.isEmpty() && random.isEmpty()) {
            throw new GenzooException(
                    String.format("sweep spec %s has neither a grid nor a random search: it names no trials", file));
        }
    }

    /**
     * Reads a spec file.
     *
     * @param path the YAML file
     * @return the spec
     * @throws GenzooException naming the file and what is wrong
     */
    public static SweepSpec read(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (NoSuchFileException e) {
            throw new GenzooException("sweep spec " + path + " does not exist");
        } catch (IOException e) {
            throw new GenzooException("sweep spec " + path + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a spec's text.
     *
     * @param text YAML
     * @param file where it came from, for messages
     * @return the spec
     */
    public static SweepSpec parse(String text, String file) {
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new GenzooException("sweep spec " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new GenzooException("sweep spec " + file + " must be a mapping with base, grid and random");
        }
        return new SweepSpec(file, text, stringKeys(tree));
    }

    /** @return the spec's text as written */
    public String text() {
        return text;
    }

    /** @return the launcher settings the spec gives, by setting */
    public Map<Setting<?>, Object> launch() {
        return launch;
    }

    /** @return the extra {@code #SBATCH} lines of {@code slurm.extra} */
    public List<String> sbatchLines() {
        return List.copyOf(sbatchLines);
    }

    /**
     * Every trial: each grid point (the last key varying fastest), combined with each random draw
     * (drawn in order from the spec's seed), each config checked as a config file.
     *
     * @return the trials in order
     */
    public List<Trial> trials() {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        List<Map<String, Object>> draws = new ArrayList<>();
        if (random.isEmpty()) {
            draws.add(Map.of());
        } else {
            SplittableRandom generator = new SplittableRandom(randomSeed);
            for (int i = 0; i < randomTrials; i++) {
                Map<String, Object> draw = new LinkedHashMap<>();
                random.forEach((key, space) -> draw.put(key, space.draw(generator)));
                draws.add(draw);
            }
        }
        List<Trial> trials = new ArrayList<>();
        for (Map<String, Object> draw : draws) {
            for (Map<String, Object> point : points) {
                Map<String, Object> assignments = new LinkedHashMap<>(point);
                assignments.putAll(draw);
                trials.add(trial(trials.size(), assignments));
            }
        }
        return trials;
    }

    private Trial trial(int index, Map<String, Object> assignments) {
        return trial(index, name(index, assignments), assignments);
    }

    /**
     * The trial without some of its assignments (options its components do not declare), under its
     * own name.
     *
     * @param trial a trial of this spec
     * @param dropped keys of its assignments to leave out
     * @return the trial, its config without those keys
     */
    public Trial without(Trial trial, Set<String> dropped) {
        if (dropped.isEmpty()) {
            return trial;
        }
        Map<String, Object> kept = new LinkedHashMap<>(trial.assignments());
        kept.keySet().removeAll(dropped);
        return trial(trial.index(), trial.name(), kept);
    }

    private Trial trial(int index, String name, Map<String, Object> assignments) {
        Map<String, Object> tree = deepCopy(base);
        assignments.forEach((key, value) -> put(tree, key, value));
        DumperOptions style = new DumperOptions();
        style.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(style), style).dump(tree);
        ConfigDraft draft = ConfigFile.parse(yaml, file + " (trial " + name + ")");
        return new Trial(index, name, assignments, yaml, draft);
    }

    /** {@code 003-prior=vamp-objective=iwae-seed=1}: the index, then each key's last word and its value. */
    static String name(int index, Map<String, Object> assignments) {
        StringBuilder name = new StringBuilder(String.format(Locale.ROOT, "%03d", index));
        assignments.forEach((key, value) -> {
            String word = key.substring(key.lastIndexOf('.') + 1);
            String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : String.valueOf(value);
            name.append('-').append(word).append('=').append(text);
        });
        String safe = name.toString().replaceAll("[^A-Za-z0-9=._,+-]", "_");
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }

    @SuppressWarnings("unchecked")
    private void put(Map<String, Object> tree, String key, Object value) {
        String[] path = key.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.get(path[i]);
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(path[i], child);
            } else if (!(child instanceof Map)) {
                throw new GenzooException(String.format(
                        "sweep spec %s: key '%s' goes inside '%s', which the base sets to a single value",
                        file, key, path[i]));
            }
            node = (Map<String, Object>) child;
        }
        node.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
        return copy;
    }

    private Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new GenzooException(
                    String.format("sweep spec %s: %s must be a mapping of keys to values", file, where));
        }
        return stringKeys(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) value)
                .forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map ? stringKeys(v) : v));
        return out;
    }
}
