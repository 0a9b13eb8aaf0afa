package dev.genzoo.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.genzoo.api.GenzooException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** eval.json is JSON: its numbers are finite, or there is no report. */
final class EvaluationReportTest {

    @Test
    void aFiniteReportIsJsonThatParses() {
        EvaluationReport report =
                new EvaluationReport("test", List.of(new Estimate("elbo", 0, -90.5, 0.25)), 10, 64, 0, 1.0);
        String json = report.toJson(Map.of("run", "r"));
        assertThat(JsonParser.parseString(json)
                        .getAsJsonObject()
                        .get("nll_nats")
                        .getAsDouble())
                .isEqualTo(90.5);
    }

    @Test
    void aNonFiniteEstimateIsRefusedNotWritten() {
        for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
            EvaluationReport report = new EvaluationReport(
                    "test",
                    List.of(new Estimate("elbo", 0, -90.5, 0.25), new Estimate("iwae", 10, bad, 0.2)),
                    10,
                    64,
                    0,
                    1.0);
            assertThatThrownBy(() -> report.toJson(Map.of()))
                    .isInstanceOf(GenzooException.class)
                    .hasMessageContaining("iwae k=10")
                    .hasMessageContaining("not a finite number");
        }
    }

    /** Diagnostics that could not be computed (NaN) are left out of the JSON, not written as NaN. */
    @Test
    void diagnosticsKeepTheirFiniteNumbersOnly() {
        PosteriorDiagnostics diagnostics = new PosteriorDiagnostics(
                Map.of("z", 3),
                Map.of("z", 4),
                Map.of("z", 2.5),
                List.of(1.0, Double.NaN, 1.0, 0.5),
                Double.NaN,
                10,
                1.25,
                Double.NaN,
                0);
        EvaluationReport report = new EvaluationReport(
                "test", List.of(new Estimate("elbo", 0, -90.5, 0.25)), 10, 64, 0, 1.0, diagnostics);
        String json = report.toJson(Map.of());
        assertThat(json).doesNotContain("NaN", "Infinity", "mutual_information", "importance_ess", "kl_per_unit");
        var object = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("diagnostics");
        assertThat(object.get("active_units").getAsInt()).isEqualTo(3);
        assertThat(object.get("latent_units").getAsInt()).isEqualTo(4);
        assertThat(object.get("elbo_iwae_gap_nats").getAsDouble()).isEqualTo(1.25);
        assertThat(object.getAsJsonObject("kl_per_block_nats").get("z").getAsDouble())
                .isEqualTo(2.5);
    }
}
