package dev.genzoo.contract;

import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on the {@link Gradients} of an objective's loss. */
public final class GradientsAssert extends AbstractAssert<GradientsAssert, Gradients> {

    GradientsAssert(Gradients actual) {
        super(actual, GradientsAssert.class);
    }

    /**
     * Every entry of every gradient is a finite number.
     *
     * @return this
     */
    public GradientsAssert areFinite() {
        isNotNull();
        for (Map.Entry<String, float[]> entry : actual.byParameter().entrySet()) {
            float[] values = entry.getValue();
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    failWithMessage("the gradient of %s is %s at entry %s", entry.getKey(), values[i], i);
                }
            }
        }
        return this;
    }

    /**
     * Some parameter gets a gradient that is not zero: the loss depends on the model.
     *
     * @return this
     */
    public GradientsAssert areNotAllZero() {
        isNotNull();
        if (!(actual.largestMagnitude() > 0)) {
            failWithMessage(
                    "every gradient is zero (parameters: %s)",
                    actual.byParameter().keySet());
        }
        return this;
    }
}
