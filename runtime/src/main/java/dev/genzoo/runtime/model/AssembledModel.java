package dev.genzoo.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.genzoo.api.Condition;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Objective;
import dev.genzoo.api.Role;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.data.Batch;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model built on a device: the encoder, prior and decoder, the objective, and every parameter
 * once, under a stable name ({@code encoder.<name>}, ...). Owns the device manager its parameters
 * live in; close it to free them.
 */
public final class AssembledModel implements AutoCloseable {
    private final GenerativeModel model;
    private final Objective objective;
    private final NDManager manager;
    private final StepLeaves parameterStore;
    private final Map<String, Parameter> parameters;
    private final int classes;

    AssembledModel(GenerativeModel model, Objective objective, NDManager manager, Map<String, Parameter> parameters) {
        this.model = model;
        this.objective = objective;
        this.manager = manager;
        this.parameterStore = new StepLeaves(manager);
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.classes = 0;
        StepLeaves.detach(this.parameters.values());
    }

    private AssembledModel(AssembledModel of, Objective objective, int classes) {
        this.model = of.model;
        this.objective = objective;
        this.manager = of.manager;
        this.parameterStore = of.parameterStore;
        this.parameters = of.parameters;
        this.classes = classes;
    }

    /**
     * The same model, conditioned on class labels (issue 16): its passes carry each batch's labels
     * as a {@link dev.genzoo.api.Condition}. A view: closing either closes both.
     *
     * @param count the number of classes, at least 1
     * @return the view
     */
    public AssembledModel conditionedOnClasses(int count) {
        return new AssembledModel(this, objective, count);
    }

    /**
     * A pass's context with the labels of its batch as the condition, for a conditional model; the
     * context itself for an unconditional one.
     *
     * @param context the pass
     * @param labels the batch's class labels, [B] int64; ignored by an unconditional model
     * @return the context to run the pass in
     */
    public StepContext withLabels(StepContext context, NDArray labels) {
        return classes == 0 ? context : context.withCondition(Condition.label(labels, classes));
    }

    /**
     * A step's context for one batch: with the batch's labels as the condition of a conditional
     * model, unchanged for an unconditional one.
     *
     * @param context the step's context
     * @param batch the batch, with its labels where the data has them
     * @return the context the model's passes on this batch read
     */
    public StepContext forBatch(StepContext context, Batch batch) {
        if (classes == 0) {
            return context;
        }
        return withLabels(
                context,
                batch.labels()
                        .orElseThrow(() ->
                                new GenzooException("this model is conditioned on labels, and the data has none")));
    }

    /**
     * The number of classes a conditional model's batches are labelled with.
     *
     * @return the count, or 0 for an unconditional model
     */
    public int classes() {
        return classes;
    }

    /**
     * The same components, parameters, store and manager, trained or evaluated with another
     * objective (fitting a prior on the encoder's codes, say). A view: closing either closes both.
     *
     * @param other the objective
     * @return the view
     */
    public AssembledModel withObjective(Objective other) {
        return new AssembledModel(this, other, classes);
    }

    /**
     * The parameters named after one role ({@code prior.<name>}, ...): those its component owns
     * and no component built before it listed.
     *
     * @param role the role
     * @return name to parameter, in build order
     */
    public Map<String, Parameter> parametersOf(Role role) {
        String prefix = role.word() + ".";
        Map<String, Parameter> owned = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            if (name.startsWith(prefix)) {
                owned.put(name, p);
            }
        });
        return owned;
    }

    /**
     * Assembles components built elsewhere (by a test, a contract kit, an embedding program): every
     * parameter named once by the first role that lists it, as {@link ModelAssembler} names them.
     * No compatibility check is made.
     *
     * @param model the encoder, prior and decoder
     * @param objective the objective
     * @param manager the manager that owns the parameters; closed with the model
     * @return the model
     */
    public static AssembledModel of(GenerativeModel model, Objective objective, NDManager manager) {
        Map<String, ai.djl.nn.ParameterList> byRole = new LinkedHashMap<>();
        byRole.put(Role.ENCODER.word(), model.encoder().parameters());
        byRole.put(Role.PRIOR.word(), model.prior().parameters());
        byRole.put(Role.DECODER.word(), model.decoder().parameters());
        byRole.put(Role.OBJECTIVE.word(), objective.parameters());
        return new AssembledModel(model, objective, manager, name(byRole));
    }

    /**
     * Names every parameter once, by the first role that lists it.
     *
     * @param byRole each role's word and its component's parameters
     * @return stable name to parameter
     */
    static Map<String, Parameter> name(Map<String, ai.djl.nn.ParameterList> byRole) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        byRole.forEach((role, list) -> list.forEach(pair -> {
            if (seen.put(pair.getValue(), Boolean.TRUE) == null) {
                String name = role + "." + pair.getKey();
                if (named.containsKey(name)) {
                    throw new IllegalStateException("two parameters named " + name);
                }
                named.put(name, pair.getValue());
            }
        }));
        return named;
    }

    /**
     * The encoder, prior and decoder.
     *
     * @return the generative model
     */
    public GenerativeModel model() {
        return model;
    }

    /**
     * The objective.
     *
     * @return the objective
     */
    public Objective objective() {
        return objective;
    }

    /**
     * The device manager that owns the parameters.
     *
     * @return the manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * The store components read parameters from: fresh leaves in training passes.
     *
     * @return the parameter store
     */
    public StepLeaves parameterStore() {
        return parameterStore;
    }

    /**
     * Every parameter once, by stable name, in build order.
     *
     * @return name to parameter
     */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /**
     * The number of trainable scalars.
     *
     * @return the count of elements of parameters that take gradients
     */
    public long trainableSize() {
        return parameters.values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    @Override
    public void close() {
        manager.close();
    }
}
