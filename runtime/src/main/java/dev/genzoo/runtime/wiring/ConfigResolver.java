package dev.genzoo.runtime.wiring;

import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Role;
import dev.genzoo.api.options.NearestName;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.SettingValues;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataFacts;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a user's draft into a resolved {@link ExperimentConfig}: fills default components (the
 * encoder's suggested companions first, then defaults that follow the data's {@link DataFacts}),
 * routes each {@code key=value} option to every chosen component that declares the key ({@code
 * role.key=value} to one), fills the options the data decide ({@link DataOptions}) and a new run's
 * settings its components usually take, validates every value, and refuses unknown keys, naming the
 * component that declares one or the nearest known one.
 */
public final class ConfigResolver {
    private final Components components;

    /**
     * A resolver over the bound factories.
     *
     * @param components the factories by role and name
     */
    @Inject
    public ConfigResolver(Components components) {
        this.components = components;
    }

    /**
     * Resolves a draft without looking at data: every default is the data-free one (for a saved
     * config, which names every component and option).
     *
     * @param draft what the user gave
     * @return the complete, validated config
     * @throws GenzooException for unknown names or options and bad values
     */
    public ExperimentConfig resolve(ConfigDraft draft) {
        return resolve(draft, null);
    }

    /**
     * Resolves a draft for the data it names: a real-valued data set gets a Gaussian decoder by
     * default, and an option that the data decide is set from them unless given.
     *
     * @param draft what the user gave
     * @param facts what the data are, or null to decide nothing from them
     * @return the complete, validated config
     * @throws GenzooException for unknown names or options and bad values
     */
    public ExperimentConfig resolve(ConfigDraft draft, DataFacts facts) {
        Map<Role, String> names = new EnumMap<>(Role.class);
        String encoder = draft.components.getOrDefault(Role.ENCODER, Defaults.COMPONENTS.get(Role.ENCODER));
        names.put(Role.ENCODER, encoder);
        ComponentFactory<?> encoderFactory =
                components.find(Role.ENCODER, encoder).factory();
        Map<Role, String> companions = facts == null
                ? encoderFactory.companions()
                : encoderFactory.companionsFor(facts.exampleShape(), DataOptions.levelsSeen(draft, facts));
        for (Role role : List.of(Role.PRIOR, Role.DECODER, Role.OBJECTIVE)) {
            String name = draft.components.get(role);
            if (name == null) {
                name = companions.getOrDefault(role, Defaults.forData(role, facts));
            }
            names.put(role, name);
        }
        Map<Role, ComponentFactory<?>> chosen = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            chosen.put(role, components.find(role, names.get(role)).factory());
        }

        Map<Role, Map<String, String>> given = route(draft, chosen, names);
        if (facts != null) {
            DataOptions.fill(given, chosen, DataOptions.levelsSeen(draft, facts));
        }
        Map<Role, Map<String, String>> resolved = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            ComponentFactory<?> factory = chosen.get(role);
            List<Option<?>> declared = facts == null ? factory.options() : factory.optionsFor(facts.exampleShape());
            Options options = Options.resolve(owner(role, names.get(role)), declared, given.get(role));
            resolved.put(role, options.asText());
        }

        SettingValues settings = SettingValues.defaults();
        for (Map.Entry<Setting<?>, Object> entry : draft.settings().entrySet()) {
            Setting<?> setting = entry.getKey();
            settings = settings.with(setting, entry.getValue(), setting.flag() + " (" + setting.path() + ")");
        }
        if (facts != null) {
            settings = usualSettings(draft, chosen, names, settings);
        }
        return new ExperimentConfig(names, resolved, settings);
    }

    /**
     * The settings a chosen component usually takes ({@link ComponentFactory#usualSettings()}),
     * for a new run: the user's own values win, and a saved config, resolved without data, keeps
     * what it says (an old run without the key keeps the setting's default).
     */
    private static SettingValues usualSettings(
            ConfigDraft draft, Map<Role, ComponentFactory<?>> chosen, Map<Role, String> names, SettingValues settings) {
        SettingValues result = settings;
        for (Role role : Role.values()) {
            for (Map.Entry<String, String> usual :
                    chosen.get(role).usualSettings().entrySet()) {
                String origin = owner(role, names.get(role)) + "'s usual " + usual.getKey();
                Setting<?> setting = Settings.atPath(usual.getKey())
                        .orElseThrow(() -> new GenzooException(
                                origin + " names no setting of this genzoo (genzoo train --help lists them)"));
                if (!draft.settings().containsKey(setting)) {
                    result = result.with(setting, setting.parse(usual.getValue(), origin), origin);
                }
            }
        }
        return result;
    }

    private Map<Role, Map<String, String>> route(
            ConfigDraft draft, Map<Role, ComponentFactory<?>> chosen, Map<Role, String> names) {
        Map<Role, Map<String, String>> given = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            given.put(role, new LinkedHashMap<>(draft.roleOptions.getOrDefault(role, Map.of())));
        }
        for (Map.Entry<String, String> entry : draft.options.entrySet()) {
            String key = entry.getKey();
            Role target = roleOf(key);
            if (target != null) {
                given.get(target).put(key.substring(key.indexOf('.') + 1), entry.getValue());
                continue;
            }
            List<Role> declaring = new ArrayList<>();
            Set<String> all = new LinkedHashSet<>();
            for (Role role : Role.values()) {
                for (Option<?> option : chosen.get(role).options()) {
                    all.add(option.name());
                    if (option.name().equals(key)) {
                        declaring.add(role);
                    }
                }
            }
            if (declaring.isEmpty()) {
                Map<String, String> elsewhere = declaredElsewhere(key, names);
                if (!elsewhere.isEmpty()) {
                    throw new GenzooException(String.format(
                            "option '%s' is declared by %s, which %s not chosen (the chosen components are %s);"
                                    + " choose %s to set it: %s",
                            key,
                            String.join(" and ", elsewhere.keySet()),
                            elsewhere.size() == 1 ? "is" : "are",
                            describe(names),
                            elsewhere.size() == 1 ? "it" : "one of them",
                            String.join(" or ", elsewhere.values())));
                }
                throw new GenzooException(String.format(
                        "unknown option '%s': none of %s declares it%s (genzoo plugins lists them)",
                        key, describe(names), NearestName.suggestion(key, all)));
            }
            for (Role role : declaring) {
                given.get(role).put(key, entry.getValue());
            }
        }
        return given;
    }

    /** The components, other than the chosen ones, that declare an option: "objective 'iwae'". */
    /** The components not chosen that declare the key, each with the words that choose it ("--objective iwae"). */
    private Map<String, String> declaredElsewhere(String key, Map<Role, String> names) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            components.all(role).forEach((name, factory) -> {
                boolean declares =
                        factory.options().stream().anyMatch(o -> o.name().equals(key));
                if (declares && !name.equals(names.get(role))) {
                    found.put(owner(role, name), "--" + role.word() + " " + name);
                }
            });
        }
        return found;
    }

    private static Role roleOf(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String prefix = key.substring(0, dot);
        for (Role role : Role.values()) {
            if (role.word().equals(prefix)) {
                return role;
            }
        }
        throw new GenzooException(
                "option '" + key + "': the part before the dot must be encoder, prior, decoder or objective");
    }

    private static String describe(Map<Role, String> names) {
        List<String> parts = new ArrayList<>();
        names.forEach((role, name) -> parts.add(owner(role, name)));
        return String.join(", ", parts);
    }

    static String owner(Role role, String name) {
        return role.word() + " '" + name + "'";
    }
}
