package dev.genzoo.plugins.ddpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.Condition;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Denoiser;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.SamplerFactory;
import dev.genzoo.api.StepContext;
import dev.genzoo.api.distribution.Distribution;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classifier-free guidance against its formula (Ho and Salimans 2022, equation 6), with a stub
 * denoiser whose conditional and unconditional predictions are known: eps(x, y) = 0.3 x + onehot(y)
 * and eps(x, null) = -0.2 x. Guided with weight w, a chain must be the same chain as that of a
 * model whose only prediction is the formula written out, ((1 + w) 0.3 + 0.2 w) x + (1 + w)
 * onehot(y); at w = 0 it must be the conditional model's chain, with no unconditional pass.
 */
final class GuidanceTest {
    private static final long[] LABELS = {0, 1, 1, 0, 1};

    /** eps(x, y) = a x + b onehot(y), and eps(x, null) = c x, or a refusal when c is null. */
    private record Stub(float a, float b, Float c) implements Decoder, Denoiser {
        @Override
        public NDArray predictNoise(NDArray xt, NDArray t, StepContext context) {
            if (context.condition().isEmpty()) {
                if (c == null) {
                    throw new AssertionError("an unconditional pass was made");
                }
                return xt.mul(c);
            }
            return xt.mul(a).add(context.condition().get().features().mul(b));
        }

        @Override
        public Distribution decode(NDArray z, StepContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private static float[] chain(Stub stub, String sampler, Map<String, String> options) {
        try (TinyDiffusion d = new TinyDiffusion(new Shape(2), Map.of("timesteps", "50"), context -> stub, 3);
                NDManager scope = d.manager.newSubManager()) {
            StepContext context = d.evaluation(scope).withCondition(Condition.label(scope.create(LABELS), 2));
            Engine.getInstance().setRandomSeed(11);
            return d.sampler(factory(sampler), options, 2)
                    .sample(LABELS.length, context)
                    .toFloatArray();
        }
    }

    private static SamplerFactory factory(String name) {
        return name.equals("ddim") ? new ImplicitSampling.Factory() : new AncestralSampling.Factory();
    }

    @ParameterizedTest
    @CsvSource({"ancestral, 0, 1", "ancestral, 0, 3", "ddim, 0, 2", "ddim, 1, 3"})
    void aGuidedChainIsTheChainOfTheFormula(String sampler, double eta, double w) {
        Map<String, String> options = new HashMap<>(Map.of("steps", "20"));
        if (sampler.equals("ddim")) {
            options.put("eta", String.valueOf(eta));
        }
        Map<String, String> guided = new HashMap<>(options);
        guided.put("guidance", String.valueOf(w));
        float[] actual = chain(new Stub(0.3f, 1f, -0.2f), sampler, guided);
        float[] formula = chain(new Stub((float) ((1 + w) * 0.3 + 0.2 * w), (float) (1 + w), null), sampler, options);
        float[] unguided = chain(new Stub(0.3f, 1f, -0.2f), sampler, options);

        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("value %d", i).isCloseTo(formula[i], within(1e-4));
        }
        assertThat(actual).as("guidance changes the chain").isNotEqualTo(unguided);
    }

    @ParameterizedTest
    @CsvSource({"ancestral", "ddim"})
    void noGuidanceIsTheConditionalModelAlone(String sampler) {
        float[] zero = chain(new Stub(0.3f, 1f, null), sampler, Map.of("steps", "20", "guidance", "0"));
        float[] plain = chain(new Stub(0.3f, 1f, null), sampler, Map.of("steps", "20"));

        assertThat(zero).containsExactly(plain);
    }

    @Test
    void theGuidedNoiseIsTheFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1f, -2f, 0.5f, 4f}, new Shape(2, 2));
            StepContext context = StepContext.evaluation(0, manager, new ai.djl.training.ParameterStore(manager, false))
                    .withCondition(Condition.label(manager.create(new long[] {1, 0}), 2));
            float[] eps = ClassifierFreeGuidance.noise(
                            new Stub(0.3f, 1f, -0.2f), x, manager.create(new long[] {5}), context, 2)
                    .toFloatArray();

            // (1 + 2)(0.3 x + onehot) - 2 (-0.2 x) = 1.3 x + 3 onehot
            float[] expected = {1.3f, -2.6f + 3, 0.65f + 3, 5.2f};
            for (int i = 0; i < eps.length; i++) {
                assertThat((double) eps[i]).isCloseTo(expected[i], within(1e-5));
            }
        }
    }

    @Test
    void guidanceIsRefusedForAModelWithoutACondition() {
        try (TinyDiffusion d = TinyDiffusion.points(10, "linear", 1)) {
            assertThatThrownBy(() -> d.sampler(new ImplicitSampling.Factory(), Map.of("guidance", "2")))
                    .isInstanceOf(GenzooException.class)
                    .hasMessage("sampler 'ddim' guides by a condition (guidance=2.0), and this diffusion was not"
                            + " trained with --condition label");
        }
    }
}
