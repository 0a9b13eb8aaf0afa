package dev.genzoo.runtime.run;

import com.google.inject.Module;
import java.util.List;

/**
 * The modules a runtime adds to every training stage (see {@link StageRunner}): an embedding
 * program's or a feature's callbacks.
 *
 * @param modules the modules, installed after the stage's own
 */
record StageModules(List<Module> modules) {
    StageModules {
        modules = List.copyOf(modules);
    }
}
