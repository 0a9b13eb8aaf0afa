package dev.genzoo.it.thirdparty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged distribution, unpacked from cli/target/genzoo-VERSION.tar.gz, run through its bin/genzoo. */
final class UnpackedGenzoo {
    private final Path home;

    private UnpackedGenzoo(Path home) {
        this.home = home;
    }

    /** What a finished command printed and returned. */
    record Result(int code, String out, String err) {}

    /** Unpacks the archive the build made into a folder, with tar, as a user would. */
    static UnpackedGenzoo unpack(Path into) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("genzoo.distribution"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no distribution at " + archive + "; build cli first");
        }
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar failed: " + log);
        }
        try (Stream<Path> top = Files.list(into)) {
            return new UnpackedGenzoo(top.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    Path home() {
        return home;
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    /** Runs bin/genzoo in a working folder with extra environment variables. */
    Result run(Path workDir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/genzoo").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("GENZOO_PROGRESS", "plain");
        builder.environment().remove("GENZOO_PLUGINS");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("genzoo-out", ".txt");
        Path err = Files.createTempFile("genzoo-err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("genzoo " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }

    Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, Map.of(), args);
    }
}
