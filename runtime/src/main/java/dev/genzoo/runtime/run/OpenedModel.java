package dev.genzoo.runtime.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.genzoo.api.distribution.Bernoulli;
import dev.genzoo.api.distribution.DiscretizedLogistic;
import dev.genzoo.api.distribution.Distribution;
import dev.genzoo.api.distribution.Normal;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataFacts;
import dev.genzoo.runtime.data.DataOptions;
import dev.genzoo.runtime.data.DataPreparation;
import dev.genzoo.runtime.data.DataSplit;
import dev.genzoo.runtime.data.DeviceData;
import dev.genzoo.runtime.device.DeviceChoice;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.wiring.ModelAssembler;

/**
 * A config's model and data opened on its device, closed together: the device's manager, the
 * assembled model and the splits prepared for it (see {@link DataPreparation}).
 */
final class OpenedModel implements AutoCloseable {
    private final NDManager manager;
    private final AssembledModel model;
    private final DeviceData data;
    private final Class<? extends Distribution> likelihood;

    private OpenedModel(
            NDManager manager, AssembledModel model, DeviceData data, Class<? extends Distribution> likelihood) {
        this.manager = manager;
        this.model = model;
        this.data = data;
        this.likelihood = likelihood;
    }

    /**
     * Resolves the device, loads the data (from the library), builds the model, learns whether its
     * likelihood is a Bernoulli one, and places the splits on the device prepared as the data and
     * the model ask (see {@link DataPreparation}); what was opened before a failure is closed again.
     */
    static OpenedModel open(ModelAssembler assembler, DataLibrary library, ExperimentConfig config) {
        Device device = DeviceChoice.resolve(config.get(Settings.DEVICE));
        DataOptions source = DataOptions.of(config);
        DataSplit split = library.split(source);
        DataFacts facts = library.facts(source);
        NDManager manager = NDManager.newBaseManager(device);
        AssembledModel model = null;
        try {
            model = assembler.assemble(config, manager, facts.exampleShape(), classes(split));
            Class<? extends Distribution> likelihood = LikelihoodProbe.likelihood(model, split.test());
            DataPreparation preparation = DataPreparation.resolve(
                    config,
                    facts,
                    model.model().encoder().kind(),
                    likelihood == Bernoulli.class,
                    likelihood == Normal.class);
            DeviceData data = DeviceData.place(split, facts, preparation, config.get(Settings.SEED), manager);
            return new OpenedModel(manager, model, data, likelihood);
        } catch (RuntimeException e) {
            if (model != null) {
                model.close();
            }
            manager.close();
            throw e;
        }
    }

    /** The number of classes of a split whose two halves are labelled, else 0. */
    static int classes(DataSplit split) {
        if (split.train().labels().isEmpty() || split.test().labels().isEmpty()) {
            return 0;
        }
        int most = 0;
        for (int[] labels :
                new int[][] {split.train().labels().get(), split.test().labels().get()}) {
            for (int label : labels) {
                most = Math.max(most, label);
            }
        }
        return most + 1;
    }

    AssembledModel model() {
        return model;
    }

    DeviceData data() {
        return data;
    }

    /** Whether the model's likelihood p(x|z) is a Bernoulli one (see {@link LikelihoodProbe}). */
    boolean bernoulli() {
        return likelihood == Bernoulli.class;
    }

    /**
     * Whether the model's likelihood p(x|z) is a discretized one over K levels (see {@link
     * LikelihoodProbe}): a probability of discrete data, for data that are not dequantized.
     */
    boolean discretized() {
        return likelihood == DiscretizedLogistic.class;
    }

    @Override
    public void close() {
        NDManager m = manager;
        AssembledModel a = model;
        DeviceData d = data;
        try (m;
                a;
                d) {
            // closes the data, then the model, then the manager
        }
    }
}
