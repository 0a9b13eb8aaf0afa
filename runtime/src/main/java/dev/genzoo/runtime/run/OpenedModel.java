package dev.genzoo.runtime.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.genzoo.runtime.config.ExperimentConfig;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataPreparation;
import dev.genzoo.runtime.data.DataSources;
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

    private OpenedModel(NDManager manager, AssembledModel model, DeviceData data) {
        this.manager = manager;
        this.model = model;
        this.data = data;
    }

    /**
     * Resolves the device, loads the data, builds the model and places the prepared splits on the
     * device; what was opened before a failure is closed again.
     */
    static OpenedModel open(ModelAssembler assembler, ExperimentConfig config) {
        Device device = DeviceChoice.resolve(config.get(Settings.DEVICE));
        DataSplit split = DataSources.load(config.get(Settings.DATA));
        NDManager manager = NDManager.newBaseManager(device);
        AssembledModel model = null;
        try {
            model = assembler.assemble(config, manager, split.train().exampleShape());
            DataPreparation preparation = DataPreparation.resolve(
                    config,
                    split.train().exampleShape(),
                    model.model().encoder().kind());
            DeviceData data = DeviceData.place(split, preparation, config.get(Settings.SEED), manager);
            return new OpenedModel(manager, model, data);
        } catch (RuntimeException e) {
            if (model != null) {
                model.close();
            }
            manager.close();
            throw e;
        }
    }

    AssembledModel model() {
        return model;
    }

    DeviceData data() {
        return data;
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
