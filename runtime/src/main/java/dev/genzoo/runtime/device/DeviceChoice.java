package dev.genzoo.runtime.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.genzoo.api.GenzooException;
import java.util.Locale;

/**
 * Parses a device name and checks that the engine has it: asking for a GPU where there is none is
 * an error, never a silent fall-back to the CPU.
 */
public final class DeviceChoice {
    private DeviceChoice() {}

    /**
     * The device named {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
     *
     * @param name the user's text
     * @return the device, present on this machine
     * @throws GenzooException for a malformed name or a GPU the engine cannot see
     */
    public static Device resolve(String name) {
        String text = name.trim().toLowerCase(Locale.ROOT);
        if (text.equals("cpu")) {
            return Device.cpu();
        }
        int index;
        if (text.equals("gpu") || text.equals("cuda")) {
            index = 0;
        } else if (text.matches("(gpu|cuda):[0-9]{1,3}")) {
            index = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        } else {
            throw new GenzooException("unknown device '" + name + "'; use cpu, gpu or gpu:N");
        }
        int count = Engine.getInstance().getGpuCount();
        if (count == 0) {
            throw new GenzooException("device '"
                    + name
                    + "' asked for, but PyTorch sees no GPU here (a CUDA build of libtorch 2.7.1"
                    + " and a driver are needed; see README, 'Running on a GPU'); use --device cpu");
        }
        if (index >= count) {
            throw new GenzooException(String.format(
                    "device '%s' asked for, but PyTorch sees %d GPU%s (gpu:0%s)",
                    name, count, count == 1 ? "" : "s", count == 1 ? "" : "..gpu:" + (count - 1)));
        }
        return Device.gpu(index);
    }
}
