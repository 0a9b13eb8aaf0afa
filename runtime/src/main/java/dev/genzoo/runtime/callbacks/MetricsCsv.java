package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;

/**
 * Writes each epoch's numbers to the stage's metrics table (see {@link MetricsTable}); a resumed
 * fit keeps the rows up to its checkpoint and drops those a killed process wrote after it.
 */
public final class MetricsCsv implements TrainingCallback {
    private final StageFiles files;
    private MetricsTable table;

    /**
     * A writer of the stage's table.
     *
     * @param files the stage's files
     */
    @Inject
    public MetricsCsv(StageFiles files) {
        this.files = files;
    }

    @Override
    public void onFitStart(Fit fit) {
        table = fit.firstEpoch() == 0
                ? MetricsTable.create(files.metrics())
                : MetricsTable.resume(files.metrics(), fit.firstEpoch());
    }

    @Override
    public void onEpochEnd(Fit fit, EpochRecord record) {
        table.append(record);
    }
}
