package dev.genzoo.runtime.callbacks;

import ai.djl.engine.Engine;
import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.events.EventFile;
import dev.genzoo.runtime.pictures.Pictures;
import dev.genzoo.runtime.train.EpochRecord;
import dev.genzoo.runtime.train.Fit;
import dev.genzoo.runtime.train.StepValues;
import dev.genzoo.runtime.train.TrainingCallback;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * TensorBoard's view of a stage (on by default, as in diffusers and Lightning): one event file per
 * process beside {@code metrics.csv}, with every epoch's training and held-out numbers ({@code
 * train/loss}, {@code test/bound}, ...) and the learning rate, the step's numbers every {@code
 * --tensorboard-steps} steps, samples every {@code --tensorboard-images} epochs, and the final
 * pictures. A resumed run starts a new file that tells TensorBoard to forget what the killed process
 * wrote past the checkpoint. Draws its samples from a fixed seed, after the loop has re-seeded for
 * its own draws, so the run's numbers do not change with it.
 */
public final class TensorBoardEvents implements TrainingCallback {
    private static final int IMAGE_SEED = 20260;

    private final StageFiles files;
    private final boolean on;
    private final int everySteps;
    private final int imageEpochs;
    private EventFile events;

    /**
     * A writer of the stage's events.
     *
     * @param files the stage's files
     * @param config whether it is on, and its cadences
     */
    @Inject
    public TensorBoardEvents(StageFiles files, ExperimentConfig config) {
        this.files = files;
        this.on = Boolean.parseBoolean(config.get(Settings.TENSORBOARD));
        this.everySteps = config.get(Settings.TENSORBOARD_STEPS);
        this.imageEpochs = config.get(Settings.TENSORBOARD_IMAGES);
    }

    /** After the pictures are drawn, so the final ones can be embedded. */
    @Override
    public int order() {
        return REPORT + 10;
    }

    @Override
    public void onFitStart(Fit fit) {
        if (!on) {
            return;
        }
        events = EventFile.create(files.events());
        if (fit.firstStep() > 0) {
            events.resumedAt(fit.firstStep());
        }
    }

    @Override
    public void onStepEnd(Fit fit, StepValues values) {
        if (events == null || everySteps == 0 || fit.step() % everySteps != 0) {
            return;
        }
        List<String> names = values.names();
        for (int i = 0; i < names.size(); i++) {
            events.scalar("step/" + names.get(i), fit.step(), values.values()[i]);
        }
        events.scalar("step/learning_rate", fit.step(), fit.optimizer().learningRate());
    }

    @Override
    public void onEpochEnd(Fit fit, EpochRecord record) {
        if (events == null) {
            return;
        }
        long step = record.step();
        record.train().forEach((name, value) -> events.scalar("train/" + name, step, value));
        record.test().forEach((name, value) -> events.scalar("test/" + name, step, value));
        events.scalar("learning_rate", step, fit.optimizer().learningRate());
        events.scalar("epoch", step, record.epoch());
        if (imageEpochs > 0 && record.epoch() % imageEpochs == 0 && record.epoch() < fit.epochs()) {
            drawSamples(fit, step);
        }
        events.flush();
    }

    private void drawSamples(Fit fit, long step) {
        Path file = null;
        try {
            file = Files.createTempFile("genzoo-samples", ".png");
            Engine.getInstance().setRandomSeed(IMAGE_SEED);
            int n = fit.data().exampleShape().dimension() == 1 ? Pictures.POINT_SAMPLES : Pictures.SAMPLES;
            if (Pictures.samples(
                    fit.model(), fit.data().exampleShape(), n, fit.data().testHead(Pictures.REFERENCE), step, file)) {
                embed("samples", step, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new GenzooException("could not draw samples for TensorBoard: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    @Override
    public void onFitEnd(Fit fit, EpochRecord last) {
        if (events == null) {
            return;
        }
        Map<String, Path> pictures = new java.util.LinkedHashMap<>();
        pictures.put("samples", files.samples());
        pictures.put("reconstructions", files.reconstructions());
        pictures.put("density", files.density());
        pictures.put("loss", files.lossCurve());
        try {
            for (Map.Entry<String, Path> picture : pictures.entrySet()) {
                if (picture.getValue() != null && Files.isRegularFile(picture.getValue())) {
                    embed("final/" + picture.getKey(), fit.step(), Files.readAllBytes(picture.getValue()));
                }
            }
        } catch (IOException e) {
            throw new GenzooException("could not read a picture for TensorBoard: " + e.getMessage(), e);
        }
        close();
    }

    private void embed(String tag, long step, byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            return;
        }
        int channels = image.getColorModel().getNumComponents();
        events.image(tag, step, png, image.getHeight(), image.getWidth(), channels == 1 ? 1 : channels == 4 ? 4 : 3);
    }

    @Override
    public void onException(Fit fit, Throwable error) {
        close();
    }

    private void close() {
        if (events != null) {
            events.close();
            events = null;
        }
    }
}
