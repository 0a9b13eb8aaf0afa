package dev.genzoo.contract;

import ai.djl.Device;
import dev.genzoo.runtime.device.DeviceChoice;

/**
 * The device the contract runs on: the system property {@value #PROPERTY} ({@code cpu}, {@code gpu}
 * or {@code gpu:N}), {@code cpu} when unset. Asking for a GPU the engine cannot see fails the
 * contract with genzoo's own message, never falls back to the CPU.
 */
public final class ContractDevice {
    /** The system property naming the device: {@code -Dgenzoo.contract.device=gpu}. */
    public static final String PROPERTY = "genzoo.contract.device";

    private ContractDevice() {}

    /**
     * The configured device, present on this machine.
     *
     * @return the device
     */
    public static Device configured() {
        return DeviceChoice.resolve(System.getProperty(PROPERTY, "cpu"));
    }
}
