package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.StepContext;
import java.util.List;

/**
 * A normalizing flow: steps f_K o ... o f_1 over events of one shape, whose log-determinant is the
 * sum of the steps' (Rezende and Mohamed 2015, equation 7). Arrays of any leading shape are run as
 * rows [N, D] and given back in their own shape.
 */
final class Flow {
    private final Shape event;
    private final int dimensions;
    private final List<FlowStep> steps;
    private final List<String> names;

    /**
     * A flow of named steps, applied in order.
     *
     * @param event one event's shape
     * @param steps the steps, f_1 first
     * @param names one parameter prefix per step
     */
    Flow(Shape event, List<FlowStep> steps, List<String> names) {
        if (steps.size() != names.size()) {
            throw new IllegalArgumentException("one name per step");
        }
        this.event = event;
        this.dimensions = Math.toIntExact(event.size());
        this.steps = List.copyOf(steps);
        this.names = List.copyOf(names);
    }

    /** One event's shape. */
    Shape event() {
        return event;
    }

    /** D, the size of one event. */
    int dimensions() {
        return dimensions;
    }

    /**
     * y = f(x) and log|det df/dx|, summed over the steps.
     *
     * @param x shape [..., event]
     * @param context the step being run
     * @return y in x's shape and the log-determinant in its leading shape [...]
     */
    Transformed forward(NDArray x, StepContext context) {
        Shape leading = leading(x);
        NDArray rows = x.reshape(-1, dimensions);
        NDArray terms = null;
        NDArray perRow = null;
        for (FlowStep step : steps) {
            Transformed t = step.forward(rows, context);
            rows = t.value();
            if (t.terms() != null) {
                terms = terms == null ? t.terms() : terms.add(t.terms());
            } else {
                perRow = perRow == null ? t.logDet() : perRow.add(t.logDet());
            }
        }
        NDArray logDet = terms == null ? null : terms.sum(new int[] {1});
        if (perRow != null) {
            logDet = logDet == null ? perRow : logDet.add(perRow);
        }
        if (logDet == null) {
            logDet = rows.getManager().zeros(new Shape(rows.getShape().get(0)));
        }
        return Transformed.ofRows(rows.reshape(x.getShape()), logDet.reshape(leading));
    }

    /**
     * x = f^-1(y), the steps undone last first.
     *
     * @param y shape [..., event]
     * @param context the step being run
     * @return x in y's shape
     */
    NDArray inverse(NDArray y, StepContext context) {
        NDArray rows = y.reshape(-1, dimensions);
        for (int i = steps.size() - 1; i >= 0; i--) {
            rows = steps.get(i).inverse(rows, context);
        }
        return rows.reshape(y.getShape());
    }

    /** The leading (sample and batch) part of an array of events. */
    Shape leading(NDArray array) {
        Shape shape = array.getShape();
        int rank = shape.dimension() - event.dimension();
        if (rank < 0 || !shape.slice(rank).equals(event)) {
            throw new IllegalArgumentException(
                    "a flow over events of shape " + event + " was given an array of shape " + shape);
        }
        return shape.slice(0, rank);
    }

    /** Every step's parameters, under its name. */
    ParameterList parameters() {
        ParameterList list = new ParameterList();
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).addParameters(list, names.get(i));
        }
        return list;
    }
}
