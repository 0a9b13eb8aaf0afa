package dev.genzoo.plugins.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import dev.genzoo.api.Scalars;
import dev.genzoo.api.StepContext;

/**
 * A planar flow f(z) = z + u' tanh(w.z + b) with log|det| = log|1 + (1 - tanh^2(w.z + b)) w.u'|
 * (Rezende and Mohamed 2015, equations 10-12), where u' = u + (m(w.u) - w.u) w / |w|^2 and
 * m(a) = -1 + softplus(a) keep f invertible (ibid., appendix A.1). It has no closed-form inverse,
 * so it serves posteriors, which only need the density of their own draws.
 */
final class PlanarStep implements FlowStep {
    private final Parameter u;
    private final Parameter w;
    private final Parameter b;
    private final int dimensions;

    /**
     * A planar step over D-dimensional rows, u and w uniform in +-1/sqrt(D), b = 0.
     *
     * @param manager owns the parameters
     * @param d D
     */
    PlanarStep(NDManager manager, int d) {
        UniformInitializer uniform = new UniformInitializer((float) (1 / Math.sqrt(d)));
        this.u = parameter("u", new Shape(d), uniform, manager);
        this.w = parameter("w", new Shape(d), uniform, manager);
        this.b = parameter("b", new Shape(1), new ConstantInitializer(0f), manager);
        this.dimensions = d;
    }

    private static Parameter parameter(String name, Shape shape, Initializer init, NDManager manager) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(init)
                .build();
        p.initialize(manager, DataType.FLOAT32);
        return p;
    }

    @Override
    public Transformed forward(NDArray z, StepContext context) {
        NDArray uu = context.parameterStore().getValue(u, z.getDevice(), context.training());
        NDArray ww = context.parameterStore().getValue(w, z.getDevice(), context.training());
        NDArray bb = context.parameterStore().getValue(b, z.getDevice(), context.training());
        NDArray wu = ww.mul(uu).sum();
        NDArray m = Scalars.plus(wu.getNDArrayInternal().softPlus(), -1f);
        NDArray uHat = uu.add(m.sub(wu).div(ww.square().sum()).mul(ww));
        NDArray h = z.matMul(ww.reshape(dimensions, 1)).add(bb).tanh(); // [N, 1]
        NDArray value = z.add(h.mul(uHat));
        NDArray slope = Scalars.plus(h.square().neg(), 1f); // 1 - tanh^2, [N, 1]
        NDArray logDet = Scalars.plus(slope.mul(ww.mul(uHat).sum()), 1f).abs().log();
        return Transformed.ofRows(value, logDet.reshape(-1));
    }

    @Override
    public NDArray inverse(NDArray y, StepContext context) {
        throw new UnsupportedOperationException("a planar flow has no closed-form inverse");
    }

    @Override
    public void addParameters(ParameterList list, String prefix) {
        list.add(prefix + ".u", u);
        list.add(prefix + ".w", w);
        list.add(prefix + ".b", b);
    }
}
