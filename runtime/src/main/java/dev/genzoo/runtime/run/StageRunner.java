package dev.genzoo.runtime.run;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.genzoo.runtime.callbacks.StageFiles;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.StatefulCallback;
import dev.genzoo.runtime.train.TrainingCallback;
import dev.genzoo.runtime.wiring.StageModule;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The callbacks of one training stage, wired by Guice: a child injector of the runtime's with the
 * {@link StageModule} and every stage module the runtime was created with, so a feature adds a
 * callback by binding it there.
 */
final class StageRunner {
    private static final Key<Set<TrainingCallback>> CALLBACKS = Key.get(new TypeLiteral<>() {});

    private final Injector injector;
    private final StageModules modules;

    @Inject
    StageRunner(Injector injector, StageModules modules) {
        this.injector = injector;
        this.modules = modules;
    }

    /**
     * The stage's bound callbacks, then the given ones; the stateful ones prepared for the model
     * before any checkpoint restores their state.
     */
    List<TrainingCallback> callbacks(
            ExperimentConfig config, StageFiles files, List<TrainingCallback> given, AssembledModel model) {
        List<Module> all = new ArrayList<>();
        all.add(new StageModule(config, files));
        all.addAll(modules.modules());
        List<TrainingCallback> callbacks =
                new ArrayList<>(injector.createChildInjector(all).getInstance(CALLBACKS));
        callbacks.addAll(given);
        stateful(callbacks).forEach(c -> c.prepare(model));
        return callbacks;
    }

    /** Those of the callbacks whose state the checkpoint keeps. */
    static List<StatefulCallback> stateful(List<TrainingCallback> callbacks) {
        return callbacks.stream()
                .filter(StatefulCallback.class::isInstance)
                .map(StatefulCallback.class::cast)
                .toList();
    }
}
