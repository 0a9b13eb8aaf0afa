package dev.genzoo.runtime.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.genzoo.runtime.callbacks.BestCheckpoint;
import dev.genzoo.runtime.callbacks.EpochCheckpoint;
import dev.genzoo.runtime.callbacks.FinalPictures;
import dev.genzoo.runtime.callbacks.MetricsCsv;
import dev.genzoo.runtime.callbacks.PeriodicCheckpoint;
import dev.genzoo.runtime.callbacks.StageFiles;
import dev.genzoo.runtime.callbacks.StopCheckpoint;
import dev.genzoo.runtime.callbacks.TensorBoardEvents;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.controls.GlobalNormClipping;
import dev.genzoo.runtime.controls.LearningRateSchedule;
import dev.genzoo.runtime.controls.WeightAverage;
import dev.genzoo.runtime.train.EpochEvaluation;
import dev.genzoo.runtime.train.NonFiniteLossGuard;
import dev.genzoo.runtime.train.TrainingCallback;

/**
 * One training stage of a run (the model's, or a learned prior's): its config, where it writes,
 * and the callbacks every stage has (each one a setting turns off is bound all the same, and does
 * nothing), bound in a {@code Multibinder<TrainingCallback>} that other
 * modules add to. Side-effect free: the callbacks open their files when the fit starts.
 */
public final class StageModule extends AbstractModule {
    private final ExperimentConfig config;
    private final StageFiles files;

    /**
     * A stage.
     *
     * @param config the stage's resolved config, saved in its checkpoints
     * @param files where the stage writes
     */
    public StageModule(ExperimentConfig config, StageFiles files) {
        this.config = config;
        this.files = files;
    }

    @Override
    protected void configure() {
        bind(ExperimentConfig.class).toInstance(config);
        bind(StageFiles.class).toInstance(files);
        Multibinder<TrainingCallback> callbacks = Multibinder.newSetBinder(binder(), TrainingCallback.class);
        callbacks.addBinding().to(NonFiniteLossGuard.class);
        callbacks.addBinding().to(EpochEvaluation.class);
        callbacks.addBinding().to(MetricsCsv.class);
        callbacks.addBinding().to(LearningRateSchedule.class);
        callbacks.addBinding().to(GlobalNormClipping.class);
        callbacks.addBinding().to(WeightAverage.class);
        callbacks.addBinding().to(EpochCheckpoint.class);
        callbacks.addBinding().to(PeriodicCheckpoint.class);
        callbacks.addBinding().to(BestCheckpoint.class);
        callbacks.addBinding().to(StopCheckpoint.class);
        callbacks.addBinding().to(FinalPictures.class);
        callbacks.addBinding().to(TensorBoardEvents.class);
    }
}
