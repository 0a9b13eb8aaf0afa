package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flow prior's log-density against the change-of-variables formula computed by hand (the
 * coupling networks re-run in doubles from the parameter values), its draws against its density,
 * and its density integrated over a fine grid.
 */
final class FlowPriorTest {
    private static final int N = 7;

    @Test
    void realNvpLogDensityIsTheChangeOfVariablesFormulaByHand() {
        try (Fixtures f = new Fixtures(1)) {
            Prior prior = f.create(
                    new FlowPrior.Factory(new RealNvpRecipe()),
                    Map.of("couplings", "3", "hidden", "5,4", "scale-bound", "1.5"),
                    context(f, new Shape(3)));
            f.perturb(prior.parameters(), 1f);
            float[] z = Fixtures.normalRows(N, 3, 5, 1.5);
            StepContext c = f.evaluation();
            Distribution p = prior.distribution(c);
            assertThat(p.batchShape()).isEqualTo(new Shape());
            assertThat(p.eventShape()).isEqualTo(new Shape(3));
            float[] logProb = p.logProb(f.array(z, new Shape(N, 3))).toFloatArray();

            double spread = 0;
            for (int n = 0; n < N; n++) {
                double[] row = new double[3];
                for (int j = 0; j < 3; j++) {
                    row[j] = z[n * 3 + j];
                }
                double byHand = realNvpLogDensity(prior.parameters(), 3, 3, 1.5, row);
                assertThat((double) logProb[n])
                        .as("log p(z_%d)", n)
                        .isCloseTo(byHand, within(1e-4 * (1 + Math.abs(byHand))));
                spread += Math.abs(byHand - Fixtures.standardNormalLogDensity(row));
            }
            assertThat(spread).as("the prior differs from its base").isGreaterThan(0.5);
        }
    }

    @Test
    void logDensityKeepsLeadingSampleAxes() {
        try (Fixtures f = new Fixtures(2)) {
            Prior prior =
                    f.create(new FlowPrior.Factory(new MafRecipe()), Map.of("layers", "2"), context(f, new Shape(3)));
            f.perturb(prior.parameters(), 1f);
            Distribution p = prior.distribution(f.evaluation());
            NDArray z = f.array(Fixtures.normalRows(6, 3, 5, 1.0), new Shape(6, 3));
            float[] flat = p.logProb(z).toFloatArray();
            NDArray shaped = p.logProb(z.reshape(2, 3, 3));
            assertThat(shaped.getShape()).isEqualTo(new Shape(2, 3));
            assertThat(shaped.toFloatArray()).containsExactly(flat);
            assertThatThrownBy(p::mean).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void realNvpAndMafPriorDensitiesIntegrateToOne() {
        try (Fixtures f = new Fixtures(3)) {
            for (FlowRecipe recipe : new FlowRecipe[] {new RealNvpRecipe(), new MafRecipe()}) {
                Prior prior =
                        f.create(new FlowPrior.Factory(recipe), Map.of("hidden", "16,16"), context(f, new Shape(2)));
                f.perturb(prior.parameters(), 0.7f);
                Distribution p = prior.distribution(f.evaluation());
                int cells = 200;
                double half = 12;
                double width = 2 * half / cells;
                float[] grid = new float[cells * cells * 2];
                for (int r = 0; r < cells; r++) {
                    for (int col = 0; col < cells; col++) {
                        grid[2 * (r * cells + col)] = (float) (-half + (col + 0.5) * width);
                        grid[2 * (r * cells + col) + 1] = (float) (-half + (r + 0.5) * width);
                    }
                }
                float[] logProb =
                        p.logProb(f.array(grid, new Shape(cells * cells, 2))).toFloatArray();
                double mass = 0;
                double peak = 0;
                for (float lp : logProb) {
                    mass += Math.exp(lp) * width * width;
                    peak = Math.max(peak, Math.exp(lp));
                }
                assertThat(mass).as(recipe.name()).isCloseTo(1.0, within(2e-3));
                // N(0, I) peaks at 1 / 2 pi = 0.159; a reshaped density peaks elsewhere
                assertThat(Math.abs(peak - 1 / (2 * Math.PI))).as(recipe.name()).isGreaterThan(0.01);
            }
        }
    }

    @Test
    void drawsComeFromTheInverseOfTheDensityMap() {
        try (Fixtures f = new Fixtures(4)) {
            Prior prior =
                    f.create(new FlowPrior.Factory(new MafRecipe()), Map.of("layers", "3"), context(f, new Shape(4)));
            f.perturb(prior.parameters(), 1f);
            StepContext c = f.evaluation();
            FlowDistribution p = (FlowDistribution) prior.distribution(c);
            f.manager.getEngine().setRandomSeed(9);
            NDArray z = p.sample(new Shape(5, 2));
            assertThat(z.getShape()).isEqualTo(new Shape(5, 2, 4));
            // the base noise that drew z, drawn again with the same seed
            f.manager.getEngine().setRandomSeed(9);
            NDArray u = f.manager.randomNormal(new Shape(5, 2, 4));
            NDArray back = ((FlowPrior) prior).flow().forward(z, c).value();
            assertThat(back.sub(u).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    /** A context whose encoder has the given latent shape. */
    static BuildContext context(Fixtures f, Shape latent) {
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.DENSITY;
            }

            @Override
            public Shape latentShape() {
                return latent;
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                throw new UnsupportedOperationException();
            }
        };
        return BuildContext.of(f.manager, new Shape(5)).withEncoder(encoder);
    }

    /**
     * log N(f(z)) + sum of log-scales for a RealNVP over vectors of size d, every network re-run in
     * doubles: coupling i keeps the elements j with j mod 2 = i mod 2, ReLU between layers, the
     * log-scale c * tanh(raw / c).
     */
    static double realNvpLogDensity(ParameterList parameters, int couplings, int d, double bound, double[] z) {
        double[] x = z.clone();
        double logDet = 0;
        for (int c = 0; c < couplings; c++) {
            double[] h = new double[d];
            for (int j = 0; j < d; j++) {
                h[j] = j % 2 == c % 2 ? x[j] : 0;
            }
            for (int layer = 0; parameters.contains("coupling" + c + ".layer" + layer + ".weight"); layer++) {
                String prefix = "coupling" + c + ".layer" + layer;
                float[] w = parameters.get(prefix + ".weight").getArray().toFloatArray();
                float[] b = parameters.get(prefix + ".bias").getArray().toFloatArray();
                double[] out = new double[b.length];
                for (int o = 0; o < b.length; o++) {
                    out[o] = b[o];
                    for (int i = 0; i < h.length; i++) {
                        out[o] += w[o * h.length + i] * h[i];
                    }
                }
                boolean last = !parameters.contains("coupling" + c + ".layer" + (layer + 1) + ".weight");
                if (!last) {
                    for (int o = 0; o < out.length; o++) {
                        out[o] = Math.max(0, out[o]);
                    }
                }
                h = out;
            }
            for (int j = 0; j < d; j++) {
                if (j % 2 != c % 2) {
                    double s = bound * Math.tanh(h[j] / bound);
                    x[j] = x[j] * Math.exp(s) + h[d + j];
                    logDet += s;
                }
            }
        }
        return Fixtures.standardNormalLogDensity(x) + logDet;
    }
}
