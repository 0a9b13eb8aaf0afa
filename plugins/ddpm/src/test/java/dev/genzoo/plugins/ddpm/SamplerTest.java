package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.Sampler;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The samplers against what they must produce. A denoiser that knows x_0 predicts the true noise
 * of any x_t, and then every reverse step of either algorithm, any number of steps and any eta,
 * lands where q(x_{t-1} | x_t, x_0) or DDIM's x_0-prediction puts it, so the chain must end at
 * x_0. The best denoiser for Gaussian data must turn N(0, I) into that Gaussian.
 */
final class SamplerTest {
    private static final float[] STARTS = {0.7f, -0.2f, -0.95f, 0.4f, 0.05f, 0.99f};

    @ParameterizedTest
    @CsvSource({
        "ancestral, 0, 0, as-is",
        "ancestral, 7, 0, as-is",
        "ancestral, 0, 0, unit",
        "ddim, 1000, 0, as-is",
        "ddim, 10, 0, as-is",
        "ddim, 10, 1, as-is",
        "ddim, 25, 0.5, unit"
    })
    void aDenoiserThatKnowsTheStartLeadsEveryChainBackToIt(String sampler, int steps, double eta, String range) {
        int t = 1000;
        Shape data = range.equals("unit") ? new Shape(1, 1, 2) : new Shape(2);
        try (TinyDiffusion d = new TinyDiffusion(
                        data,
                        Map.of("timesteps", String.valueOf(t), "range", range, "variance", "posterior"),
                        context -> new KnownStart(context.manager(), t, STARTS, data),
                        2);
                NDManager scope = d.manager.newSubManager()) {
            Map<String, String> options = sampler.equals("ddim")
                    ? Map.of("steps", String.valueOf(steps), "eta", String.valueOf(eta))
                    : Map.of("steps", String.valueOf(steps));
            Sampler chain = d.sampler(factory(sampler), options);
            float[] drawn = chain.sample(3, d.evaluation(scope)).toFloatArray();

            for (int i = 0; i < STARTS.length; i++) {
                double expected = range.equals("unit") ? (STARTS[i] + 1) / 2 : STARTS[i];
                assertThat((double) drawn[i]).as("value %d", i).isCloseTo(expected, within(2e-3));
            }
        }
    }

    /** 4,000 draws through the whole chain with the best denoiser for N(m, s^2) have its moments. */
    @ParameterizedTest
    @CsvSource({"ancestral, 0, posterior", "ancestral, 0, beta", "ddim, 100, posterior"})
    void theBestDenoiserForGaussianDataSamplesThatGaussian(String sampler, int steps, String variance) {
        int t = 1000;
        int n = 4000;
        double[] mean = {0.5, -1};
        double[] deviation = {0.8, 0.3};
        try (TinyDiffusion d = new TinyDiffusion(
                        new Shape(2),
                        Map.of("timesteps", String.valueOf(t), "variance", variance),
                        context -> new GaussianOracle(context.manager(), t, mean, deviation),
                        4);
                NDManager scope = d.manager.newSubManager()) {
            Sampler chain = d.sampler(factory(sampler), Map.of("steps", String.valueOf(steps)));
            float[] drawn = chain.sample(n, d.evaluation(scope)).toFloatArray();

            for (int c = 0; c < 2; c++) {
                double m = 0;
                for (int i = c; i < drawn.length; i += 2) {
                    m += drawn[i];
                }
                m /= n;
                double v = 0;
                for (int i = c; i < drawn.length; i += 2) {
                    v += (drawn[i] - m) * (drawn[i] - m);
                }
                double sd = Math.sqrt(v / (n - 1));
                // 4.5 standard errors of the mean and of the standard deviation (sd / sqrt(2 n)),
                // plus 2% for the fixed reverse variance and the discretization of the chain
                assertThat(m)
                        .as("mean %d", c)
                        .isCloseTo(mean[c], within(4.5 * deviation[c] / Math.sqrt(n) + 0.02 * deviation[c]));
                assertThat(sd)
                        .as("deviation %d", c)
                        .isCloseTo(deviation[c], within(4.5 * deviation[c] / Math.sqrt(2.0 * n) + 0.02 * deviation[c]));
            }
        }
    }

    @Test
    void ddimWithoutNoiseIsAFunctionOfItsStartingPoint() {
        try (TinyDiffusion d = TinyDiffusion.points(100, "cosine", 6);
                NDManager scope = d.manager.newSubManager()) {
            NDArray start = scope.randomNormal(new Shape(5, 2));
            ImplicitSampling steps = new ImplicitSampling(d.encoder, 20, 0);
            Engine.getInstance().setRandomSeed(1);
            float[] first = ReverseChain.run(
                            d.encoder, (Denoiser) d.decoder, steps, 0, start.duplicate(), d.evaluation(scope))
                    .toFloatArray();
            Engine.getInstance().setRandomSeed(2);
            float[] second = ReverseChain.run(
                            d.encoder, (Denoiser) d.decoder, steps, 0, start.duplicate(), d.evaluation(scope))
                    .toFloatArray();

            assertThat(second).containsExactly(first);
        }
    }

    @Test
    void everyStepIsReportedWithItsState() {
        try (TinyDiffusion d = TinyDiffusion.points(30, "linear", 6);
                NDManager scope = d.manager.newSubManager()) {
            List<int[]> heard = new ArrayList<>();
            List<Shape> shapes = new ArrayList<>();
            StepContext context = d.evaluation(scope).withProgress((done, total, state) -> {
                heard.add(new int[] {done, total});
                shapes.add(state.get().getShape());
            });
            d.sampler(new ImplicitSampling.Factory(), Map.of("steps", "12")).sample(4, context);
            assertThat(heard).hasSize(13);
            for (int i = 0; i <= 12; i++) {
                assertThat(heard.get(i)).containsExactly(i, 12);
            }
            assertThat(shapes).containsOnly(new Shape(4, 2));

            heard.clear();
            d.decoder.decode(scope.randomNormal(new Shape(4, 2)), context);
            assertThat(heard).hasSize(31);
            assertThat(heard.get(30)).containsExactly(30, 30);
        }
    }

    /** Each reverse step runs in its own scope and updates x in place: nothing piles up. */
    @Test
    void aLongChainHoldsNoMoreArraysAtItsEndThanAtItsStart() {
        try (TinyDiffusion d = TinyDiffusion.points(200, "linear", 6);
                NDManager scope = d.manager.newSubManager()) {
            int[] counts = new int[2];
            StepContext context = d.evaluation(scope).withProgress((done, total, state) -> {
                if (done == 10) {
                    counts[0] = scope.getManagedArrays().size();
                } else if (done == 190) {
                    counts[1] = scope.getManagedArrays().size();
                }
            });
            d.sampler(new AncestralSampling.Factory(), Map.of()).sample(16, context);

            assertThat(counts[0]).isPositive();
            assertThat(counts[1]).isEqualTo(counts[0]);
        }
    }

    @Test
    void decodingRunsTheWholeAncestralChainAndKeepsTheCallersArray() {
        try (TinyDiffusion d = TinyDiffusion.points(50, "linear", 8);
                NDManager scope = d.manager.newSubManager()) {
            NDArray z = scope.randomNormal(new Shape(3, 4, 2));
            float[] before = z.toFloatArray();
            Distribution x = d.decoder.decode(z, d.evaluation(scope));

            assertThat(x.mean().getShape()).isEqualTo(new Shape(3, 4, 2));
            assertThat(z.toFloatArray()).containsExactly(before);
        }
    }

    @Test
    void refusesMoreStepsThanTheProcessHasAndModelsWithoutADiffusion() {
        try (TinyDiffusion d = TinyDiffusion.points(40, "linear", 8)) {
            assertThatThrownBy(() -> d.sampler(new ImplicitSampling.Factory(), Map.of("steps", "41")))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("steps=41 is more than the diffusion's 40 timesteps");
            assertThatThrownBy(() -> d.sampler(new AncestralSampling.Factory(), Map.of("steps", "50")))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("steps=50 is more than the diffusion's 40 timesteps");
            var noDiffusion = dev.genzoo.api.BuildContext.of(d.manager, new Shape(2));
            assertThatThrownBy(() -> new ImplicitSampling.Factory()
                            .create(
                                    dev.genzoo.api.options.Options.defaults(new ImplicitSampling.Factory().options()),
                                    noDiffusion))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage(
                            "sampler 'ddim' runs the reverse of a 'diffusion' encoder's process, and this model has none");
        }
    }

    private static dev.genzoo.api.ComponentFactory<Sampler> factory(String name) {
        return name.equals("ddim") ? new ImplicitSampling.Factory() : new AncestralSampling.Factory();
    }

    /** Predicts eps = (x_t - sqrt(abar_t) x_0) / sqrt(1 - abar_t) for a known x_0, its schedule computed here. */
    private static final class KnownStart implements Decoder, Denoiser {
        private final NDArray a;
        private final NDArray b;
        private final NDArray start;

        KnownStart(NDManager manager, int steps, float[] starts, Shape data) {
            float[] as = new float[steps + 1];
            float[] bs = new float[steps + 1];
            double product = 1;
            as[0] = 1;
            for (int t = 1; t <= steps; t++) {
                product *= 1 - (1e-4 + (t - 1) * (0.02 - 1e-4) / (steps - 1));
                as[t] = (float) Math.sqrt(product);
                bs[t] = (float) Math.sqrt(1 - product);
            }
            a = manager.create(as);
            b = manager.create(bs);
            start = manager.create(starts, new Shape(starts.length / data.size()).addAll(data));
        }

        @Override
        public NDArray predictNoise(NDArray xt, NDArray t, StepContext context) {
            long[] ones = new long[xt.getShape().dimension()];
            java.util.Arrays.fill(ones, 1);
            ones[0] = -1;
            Shape column = new Shape(ones);
            return xt.sub(a.get(t).reshape(column).mul(start)).div(b.get(t).reshape(column));
        }

        @Override
        public Distribution decode(NDArray z, StepContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
