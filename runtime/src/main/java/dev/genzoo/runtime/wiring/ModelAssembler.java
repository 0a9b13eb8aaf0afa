package dev.genzoo.runtime.wiring;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Component;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Prior;
import dev.genzoo.api.Role;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.api.options.Options;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.plugin.Registered;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the components a config names, in the order encoder, prior, decoder, objective, on a
 * device manager, then checks that the objective can train them before any step runs.
 */
public final class ModelAssembler {
    private final Components components;

    /**
     * An assembler over the bound factories.
     *
     * @param components the factories by role and name
     */
    @Inject
    public ModelAssembler(Components components) {
        this.components = components;
    }

    /**
     * Builds and checks a model. Parameters are initialized from the engine's random generator,
     * seeded here with the config's seed, so the same seed gives the same initial model.
     *
     * @param config the resolved config
     * @param device the manager of the device, which will own the model (closed with it)
     * @param dataShape one example's shape
     * @return the assembled model
     * @throws GenzooException if a component cannot be built or the combination cannot train
     */
    public AssembledModel assemble(ExperimentConfig config, NDManager device, Shape dataShape) {
        return assemble(config, device, dataShape, 0);
    }

    /**
     * Builds and checks a model, conditioned on class labels when the config asks for it (issue
     * 16): every component is built for a condition of {@code classes} features and must accept it.
     *
     * @param config the resolved config
     * @param device the manager of the device
     * @param dataShape one example's shape
     * @param classes the number of classes of the data's labels, 0 when it has none
     * @return the assembled model
     * @throws GenzooException as {@link #assemble(ExperimentConfig, NDManager, Shape)}, and for a
     *     conditional config without labels or with a component that takes no condition
     */
    public AssembledModel assemble(ExperimentConfig config, NDManager device, Shape dataShape, int classes) {
        boolean conditional = conditional(config);
        if (conditional && classes < 1) {
            throw new GenzooException("data '" + config.get(Settings.DATA) + "' has no labels, so "
                    + Settings.CONDITION.flag() + " label cannot be used; leave it out or use data with labels");
        }
        Engine.getInstance().setRandomSeed((int) (long) config.get(Settings.SEED));
        NDManager manager = device.newSubManager();
        try {
            BuildContext context = BuildContext.of(manager, dataShape).withConditionSize(conditional ? classes : 0);
            Encoder encoder = build(Role.ENCODER, config, context, Encoder.class);
            context = context.withEncoder(encoder);
            Prior prior = build(Role.PRIOR, config, context, Prior.class);
            context = context.withPrior(prior);
            Decoder decoder = build(Role.DECODER, config, context, Decoder.class);
            context = context.withDecoder(decoder);
            Objective objective = build(Role.OBJECTIVE, config, context, Objective.class);
            GenerativeModel model = new GenerativeModel(encoder, prior, decoder);
            check(config, model, objective);
            if (conditional) {
                checkConditional(config, model, objective);
                return AssembledModel.of(model, objective, manager).conditionedOnClasses(classes);
            }
            return AssembledModel.of(model, objective, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Creates a sampler by name for an assembled model, its options validated.
     *
     * @param name the sampler's name
     * @param given its options as {@code key=value} texts
     * @param model the model, built and restored
     * @param dataShape one example's shape
     * @return the sampler
     * @throws GenzooException for an unknown name or option, or a model the sampler cannot run
     */
    public Sampler sampler(String name, Map<String, String> given, AssembledModel model, Shape dataShape) {
        Registered<SamplerFactory> registered = components.sampler(name);
        SamplerFactory factory = registered.factory();
        String owner = "sampler '" + name + "'";
        Options options = Options.resolve(owner, factory.options(), given);
        GenerativeModel parts = model.model();
        BuildContext context = BuildContext.of(model.manager(), dataShape)
                .withConditionSize(model.classes())
                .withEncoder(parts.encoder())
                .withPrior(parts.prior())
                .withDecoder(parts.decoder());
        return create(owner, () -> factory.create(options, context), registered.plugin());
    }

    private <T extends Component> T build(Role role, ExperimentConfig config, BuildContext context, Class<T> type) {
        String name = config.component(role);
        Registered<? extends ComponentFactory<?>> registered = components.find(role, name);
        ComponentFactory<?> factory = registered.factory();
        String owner = ConfigResolver.owner(role, name);
        Options options = Options.resolve(owner, factory.options(), config.options(role));
        return type.cast(create(owner, () -> factory.create(options, context), registered.plugin()));
    }

    /** Runs a factory, prefixing its sentence with the owner; a plugin's bug names the plugin. */
    private static <T> T create(String owner, Supplier<T> creation, String plugin) {
        try {
            return creation.get();
        } catch (GenzooException e) {
            throw new GenzooException(owner + ": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new GenzooException(String.format("%s (plugin '%s') failed to build: %s", owner, plugin, e), e);
        }
    }

    /** Whether a config asks for a model conditioned on the data's labels. */
    public static boolean conditional(ExperimentConfig config) {
        return "label".equals(config.get(Settings.CONDITION));
    }

    private static void checkConditional(ExperimentConfig config, GenerativeModel model, Objective objective) {
        Map<Role, Component> parts = new java.util.LinkedHashMap<>();
        parts.put(Role.ENCODER, model.encoder());
        parts.put(Role.PRIOR, model.prior());
        parts.put(Role.DECODER, model.decoder());
        parts.put(Role.OBJECTIVE, objective);
        for (Map.Entry<Role, Component> part : parts.entrySet()) {
            if (!part.getValue().acceptsCondition()) {
                throw new GenzooException(ConfigResolver.owner(part.getKey(), config.component(part.getKey()))
                        + " cannot take a condition, so it cannot be part of a model trained with "
                        + Settings.CONDITION.flag() + " label");
            }
        }
    }

    private static void check(ExperimentConfig config, GenerativeModel model, Objective objective) {
        String objectiveName = config.component(Role.OBJECTIVE);
        String encoderName = config.component(Role.ENCODER);
        if (!objective.acceptedEncoders().contains(model.encoder().kind())) {
            StringBuilder needs = new StringBuilder();
            objective
                    .acceptedEncoders()
                    .forEach(
                            k -> needs.append(needs.length() == 0 ? "" : " or ").append(k.description()));
            throw new GenzooException(String.format(
                    "objective '%s' cannot train encoder '%s': it needs an encoder that outputs %s,"
                            + " and '%s' outputs %s",
                    objectiveName,
                    encoderName,
                    needs,
                    encoderName,
                    model.encoder().kind().description()));
        }
        Optional<String> reason = objective.incompatibility(model);
        if (reason.isPresent()) {
            throw new GenzooException("objective '" + objectiveName + "' cannot train this model: " + reason.get());
        }
    }
}
