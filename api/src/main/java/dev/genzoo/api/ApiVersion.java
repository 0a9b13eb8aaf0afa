package dev.genzoo.api;

/**
 * The version of genzoo's plugin api, MAJOR.MINOR, and which plugins a genzoo can run. The minor
 * number grows when the api gains something (a type, a default method); the major number grows
 * only when something is removed or changed, which the build's binary-compatibility check refuses
 * within one major version. A plugin built for api M.m runs on every genzoo whose api is M.n with n
 * &gt;= m: everything it calls is there.
 *
 * <p>A plugin says which api it was built for by returning {@link #CURRENT} from {@link
 * GenzooPlugin#apiVersion()}. {@code CURRENT} is a compile-time constant, so the compiler copies
 * its value into the plugin's own class: the plugin carries the version of the api it was compiled
 * against, whatever api it later runs on. {@link #provided()} is the api genzoo itself runs.
 *
 * @param major the major version: a change here means some plugins no longer run
 * @param minor the minor version: additions within one major version
 */
public record ApiVersion(int major, int minor) {

    /**
     * The api version of this api artifact, as "MAJOR.MINOR". Return it from {@link
     * GenzooPlugin#apiVersion()} to declare the api a plugin was built for.
     */
    public static final String CURRENT = "1.4";

    /**
     * A version.
     *
     * @param major the major version, at least 1
     * @param minor the minor version, at least 0
     * @throws IllegalArgumentException for a major version below 1 or a negative minor version
     */
    public ApiVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException(
                    "an api version is MAJOR.MINOR with MAJOR >= 1 and MINOR >= 0, got " + major + "." + minor);
        }
    }

    /**
     * The api version genzoo runs: that of the api classes loaded in this process.
     *
     * @return the version of this api artifact
     */
    public static ApiVersion provided() {
        return parse(CURRENT);
    }

    /**
     * Reads "MAJOR.MINOR", as {@link GenzooPlugin#apiVersion()} returns it.
     *
     * @param text the version
     * @return the version
     * @throws IllegalArgumentException if the text is not two numbers joined by a dot
     */
    public static ApiVersion parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length == 2 && parts[0].matches("[0-9]{1,6}") && parts[1].matches("[0-9]{1,6}")) {
            return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        throw new IllegalArgumentException("'" + text + "' is not an api version of the form MAJOR.MINOR");
    }

    /**
     * Whether a genzoo providing this api can run a plugin built for another: the same major
     * version, and a minor version no newer than this one.
     *
     * @param builtFor the version the plugin was built for
     * @return true if every part of the api the plugin may use is here
     */
    public boolean canRun(ApiVersion builtFor) {
        return builtFor.major == major && builtFor.minor <= minor;
    }

    /**
     * The version as "MAJOR.MINOR".
     *
     * @return the text {@link #parse} reads
     */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
