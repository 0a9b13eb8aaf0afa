package dev.genzoo.runtime.run;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.data.Batch;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.model.AssembledModel;

/**
 * Runs a model's objective once on two test examples before anything is written, so that a model
 * that cannot run on the data fails with a sentence and leaves no trace.
 */
final class FirstBatch {
    private FirstBatch() {}

    /** Evaluates the objective once; an engine or shape error becomes one sentence. */
    static void check(AssembledModel model, DeviceData data) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Batch examples = data.test().batch(0, Math.min(2, data.test().size()));
            NDArray batch = examples.x();
            StepContext context =
                    model.forBatch(StepContext.evaluation(0, model.manager(), model.parameterStore()), examples);
            model.objective().evaluate(batch, model.model(), context);
        } catch (EngineException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new GenzooException(
                    "the model cannot run on this data (data examples have shape "
                            + data.exampleShape()
                            + "): "
                            + firstLine(e.getMessage()),
                    e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
