package dev.genzoo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI (cli/target) as a separate JVM, as the launcher does. */
final class Cli {
    private static final Path TARGET = Path.of(System.getProperty("genzoo.cli.dir", "../cli/target"));

    private Cli() {}

    /** What a finished command printed and returned. */
    record Result(int code, String out, String err) {}

    static ProcessBuilder command(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(TARGET.resolve("genzoo-cli.jar").toAbsolutePath() + ":"
                + TARGET.resolve("lib").toAbsolutePath() + "/*");
        command.add("dev.genzoo.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("GENZOO_PROGRESS", "plain");
        return builder;
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("genzoo-out", ".txt");
        Path err = Files.createTempFile("genzoo-err", ".txt");
        Process process = command(workDir, args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("genzoo " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        Result result = new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }
}
