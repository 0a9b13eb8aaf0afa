package dev.genzoo.runtime.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv: a column for every number, even one that first appears late; rows up to a checkpoint on resume. */
final class MetricsTableTest {

    private static EpochRecord epoch(int n, Map<String, Double> train) {
        return new EpochRecord(n, 10L * n, 1.5 * n, train, Map.of("loss", 2.0 * n));
    }

    private static Map<String, Double> terms(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aNumberThatAppearsLateGetsItsColumnEmptyBefore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        MetricsTable table = MetricsTable.create(file);
        table.append(epoch(1, terms("loss", 1.0)));
        table.append(epoch(2, terms("loss", 0.5, "kl", 0.25)));
        assertThat(Files.readAllLines(file))
                .containsExactly(
                        "epoch,step,seconds,train_loss,test_loss,train_kl",
                        "1,10,1.500,1,2,",
                        "2,20,3.000,0.500000,4,0.250000");
        assertThat(table.column("train_kl")).containsExactly(Double.NaN, 0.25);
    }

    @Test
    void resumingKeepsTheRowsUpToTheCheckpointAndTheirColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        MetricsTable table = MetricsTable.create(file);
        table.append(epoch(1, terms("loss", 1.0)));
        table.append(epoch(2, terms("loss", 0.5, "kl", 0.25)));
        table.append(epoch(3, terms("loss", 0.4, "kl", 0.2)));

        MetricsTable resumed = MetricsTable.resume(file, 2);
        assertThat(resumed.size()).isEqualTo(2);
        assertThat(resumed.lastSeconds()).isEqualTo(3.0);
        resumed.append(epoch(3, terms("loss", 0.3, "kl", 0.1, "ess", 4.0)));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("epoch,step,seconds,train_loss,test_loss,train_kl,train_ess");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).isEqualTo("3,30,4.500,0.300000,6,0.100000,4");
    }

    @Test
    void integersAreWrittenAsIntegersAndEverythingElseWithSixDigits() {
        assertThat(MetricsTable.number(5.0)).isEqualTo("5");
        assertThat(MetricsTable.number(-23.34021)).isEqualTo("-23.3402");
        assertThat(MetricsTable.number(2.8284271)).isEqualTo("2.82843");
        assertThat(MetricsTable.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void aFileThatIsNotAMetricsTableIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "a,b\n1,2\n");
        assertThatThrownBy(() -> MetricsTable.resume(file, 1))
                .isInstanceOf(GenzooException.class)
                .hasMessageContaining("not a genzoo metrics table");
    }
}
