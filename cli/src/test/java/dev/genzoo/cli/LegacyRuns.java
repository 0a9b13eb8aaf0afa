package dev.genzoo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small trained runs kept as fixtures in integration-tests/contracts (one per family, see its
 * README), copied into a test's folder: runs to sample and score without training one here.
 */
final class LegacyRuns {
    private static final Path ROOT =
            Path.of("..", "integration-tests", "contracts", "src", "test", "resources", "legacy-checkpoints");

    private LegacyRuns() {}

    /**
     * A copy of a fixture's run directory.
     *
     * @param name the fixture: "vqvae", "realnvp", ...
     * @param into where the copy goes
     * @param files the files to copy: checkpoint.zip, prior.zip
     * @return the copy
     */
    static Path copy(String name, Path into, List<String> files) {
        try {
            Files.createDirectories(into);
            for (String file : files) {
                Files.copy(ROOT.resolve(name).resolve(file), into.resolve(file));
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
