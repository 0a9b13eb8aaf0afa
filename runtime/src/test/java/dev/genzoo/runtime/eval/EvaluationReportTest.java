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
}
