package dev.genzoo.cli;

import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.engine.ProcessSetup;
import dev.genzoo.runtime.sweep.SweepSettings;
import java.util.Arrays;
import picocli.CommandLine;

/** The entry point of the {@code genzoo} launcher. */
public final class Main {
    private Main() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code (for tests and embedding).
     *
     * @param args the arguments
     * @return 0 on success, 1 for an error the user can fix, 2 for bad usage, 70 for an internal error
     */
    public static int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        quietLogging(verbose);
        System.setProperty("java.awt.headless", "true");
        ProcessSetup.apply();
        return commandLine().execute(args);
    }

    /**
     * The configured command line.
     *
     * @return picocli's command line for {@link GenzooCommand}
     */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new GenzooCommand());
        line.setExecutionExceptionHandler(new ErrorReport());
        line.setParameterExceptionHandler(new UsageReport());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.getSubcommands()
                .get("train")
                .getCommandSpec()
                .addMixin(SettingsMixin.NAME, SettingsMixin.of(Settings.ALL, SettingsMixin::defaultValue));
        line.getSubcommands()
                .get("sweep")
                .getCommandSpec()
                .addMixin(SettingsMixin.NAME, SettingsMixin.of(SweepSettings.ALL, SweepCommand::defaultWords));
        line.getSubcommands()
                .get("train-prior")
                .getCommandSpec()
                .addMixin(SettingsMixin.NAME, SettingsMixin.of(TrainPriorCommand.SETTINGS, setting -> "the run's"));
        return line;
    }

    private static void quietLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", verbose ? "info" : "error");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
