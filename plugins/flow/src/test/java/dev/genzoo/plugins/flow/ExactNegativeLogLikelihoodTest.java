package dev.genzoo.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.BuildContext;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.distribution.StandardNormal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code flow-nll} against log p(x) = log N(f(x)) + log|det df/dx| computed by hand (the coupling
 * networks re-run in doubles), with a N(0, I) prior and with a flow prior on top of the flow.
 */
final class ExactNegativeLogLikelihoodTest {
    private static final int B = 6;

    @Test
    void boundIsTheExactLogLikelihoodAndTheLossItsNegatedMean() {
        try (Fixtures f = new Fixtures(1)) {
            BuildContext context = BuildContext.of(f.manager, new Shape(3));
            Encoder encoder = f.create(
                    new FlowEncoder.Factory(new RealNvpRecipe()),
                    Map.of("couplings", "4", "hidden", "6", "scale-bound", "2"),
                    context);
            f.perturb(encoder.parameters(), 1f);
            Prior standardNormal = c -> new StandardNormal(c.manager(), new Shape(3));
            context = context.withEncoder(encoder).withPrior(standardNormal);
            Decoder decoder = f.create(new FlowInverseDecoder.Factory(), Map.of(), context);
            Objective nll = f.create(new ExactNegativeLogLikelihood.Factory(), Map.of(), context.withDecoder(decoder));
            assertThat(nll.acceptedEncoders()).containsExactly(EncoderKind.BIJECTION);

            float[] x = Fixtures.normalRows(B, 3, 4, 1.2);
            ObjectiveValue value = nll.evaluate(
                    f.array(x, new Shape(B, 3)), new GenerativeModel(encoder, standardNormal, decoder), f.evaluation());

            float[] bound = value.bound().orElseThrow().toFloatArray();
            double mean = 0;
            for (int b = 0; b < B; b++) {
                double[] row = {x[3 * b], x[3 * b + 1], x[3 * b + 2]};
                double exact = FlowPriorTest.realNvpLogDensity(encoder.parameters(), 4, 3, 2, row);
                assertThat((double) bound[b])
                        .as("log p(x_%d)", b)
                        .isCloseTo(exact, within(1e-4 * (1 + Math.abs(exact))));
                mean += exact / B;
            }
            assertThat((double) value.loss().getFloat()).isCloseTo(-mean, within(1e-4 * (1 + Math.abs(mean))));
            assertThat(value.terms()).containsOnlyKeys("log-det");
            assertThat(Math.abs(value.terms().get("log-det").getFloat())).isGreaterThan(0.01f);
        }
    }

    @Test
    void aFlowPriorUnderAFlowEncoderAddsItsOwnChangeOfVariables() {
        try (Fixtures f = new Fixtures(2)) {
            BuildContext context = BuildContext.of(f.manager, new Shape(3));
            Encoder encoder =
                    f.create(new FlowEncoder.Factory(new MafRecipe()), Map.of("layers", "2", "hidden", "8"), context);
            context = context.withEncoder(encoder);
            Prior prior = f.create(
                    new FlowPrior.Factory(new RealNvpRecipe()), Map.of("couplings", "3", "hidden", "5"), context);
            f.perturb(encoder.parameters(), 0.8f);
            f.perturb(prior.parameters(), 0.8f);
            context = context.withPrior(prior);
            Decoder decoder = f.create(new FlowInverseDecoder.Factory(), Map.of(), context);
            Objective nll = f.create(new ExactNegativeLogLikelihood.Factory(), Map.of(), context.withDecoder(decoder));

            NDArray x = f.array(Fixtures.normalRows(B, 3, 8, 1.0), new Shape(B, 3));
            ObjectiveValue value = nll.evaluate(x, new GenerativeModel(encoder, prior, decoder), f.evaluation());

            Transformed inner = ((FlowEncoder) encoder).flow().forward(x, f.evaluation());
            float[] z = inner.value().toFloatArray();
            float[] logDet = inner.logDet().toFloatArray();
            float[] bound = value.bound().orElseThrow().toFloatArray();
            for (int b = 0; b < B; b++) {
                double[] row = {z[3 * b], z[3 * b + 1], z[3 * b + 2]};
                double exact = FlowPriorTest.realNvpLogDensity(prior.parameters(), 3, 3, 1, row) + logDet[b];
                assertThat((double) bound[b]).isCloseTo(exact, within(1e-4 * (1 + Math.abs(exact))));
            }
        }
    }
}
