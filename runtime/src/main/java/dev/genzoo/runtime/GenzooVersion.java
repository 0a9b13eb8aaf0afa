package dev.genzoo.runtime;

/** genzoo's version, read from the runtime jar's manifest (the Maven project version). */
public final class GenzooVersion {
    private GenzooVersion() {}

    /**
     * The version of this runtime.
     *
     * @return the version, or "development" when run from classes without a manifest
     */
    public static String get() {
        String version = GenzooVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
