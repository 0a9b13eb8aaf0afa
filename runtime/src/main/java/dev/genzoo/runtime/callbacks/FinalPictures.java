package dev.genzoo.runtime.callbacks;

import dev.genzoo.runtime.pictures.Pictures;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;

/**
 * Draws the stage's pictures when its fit ends: samples, reconstructions and the density of 2-D
 * data where the stage has them, and the loss curves from its metrics table.
 */
public final class FinalPictures implements TrainingCallback {
    private final StageFiles files;

    /**
     * A painter of the stage's pictures.
     *
     * @param files the stage's files
     */
    @Inject
    public FinalPictures(StageFiles files) {
        this.files = files;
    }

    @Override
    public void onFitEnd(Fit fit, EpochRecord last) {
        Pictures.finish(fit.model(), fit.data(), fit.step(), files.samples(), files.reconstructions(), files.density());
        MetricsTable table = MetricsTable.resume(files.metrics(), Integer.MAX_VALUE);
        double[] bound = table.header().contains("test_bound") ? table.column("test_bound") : new double[table.size()];
        if (!table.header().contains("test_bound")) {
            java.util.Arrays.fill(bound, Double.NaN);
        }
        Pictures.lossCurve(
                table.column("epoch"), table.column("train_loss"), table.column("test_loss"), bound, files.lossCurve());
    }
}
